using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Media;

[TestClass]
public sealed class SqlRenditionRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SaveAsync_SameItemPurposeAndAudience_ReplacesAndReturnsThePrevious(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var mediaId = await AddItemAsync(test);
        var first = Rendition(mediaId, Purpose.Journal, "parent:ava", 1);
        var second = Rendition(mediaId, Purpose.Journal, "parent:ava", 2);

        Assert.IsNull(await test.Database.Renditions.SaveAsync(first));
        var replaced = await test.Database.Renditions.SaveAsync(second);

        Assert.AreEqual(first, replaced);
        Assert.IsNull(await test.Database.Renditions.FindByIdAsync(first.Id));
        Assert.AreEqual(second, await test.Database.Renditions.FindAsync(mediaId, Purpose.Journal, "parent:ava"));
        Assert.HasCount(1, await test.Database.Renditions.OfMediaAsync(mediaId));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ForAudienceAsync_Public_ListsOnlyThePublicRenditionsOfThatPurpose(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var mediaId = await AddItemAsync(test);
        var website = Rendition(mediaId, Purpose.Website, "public", 1);
        await test.Database.Renditions.SaveAsync(website);
        await test.Database.Renditions.SaveAsync(Rendition(mediaId, Purpose.Publicity, "public", 1));
        await test.Database.Renditions.SaveAsync(Rendition(mediaId, Purpose.Journal, "parent:ava", 1));

        var feed = await test.Database.Renditions.ForAudienceAsync(Purpose.Website, "public");

        Assert.AreEqual(website, feed.Single());
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task DeleteAsync_ExistingThenAgain_TrueThenFalse(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var rendition = Rendition(await AddItemAsync(test), Purpose.Journal, "parent:ava", 1);
        await test.Database.Renditions.SaveAsync(rendition);

        Assert.IsTrue(await test.Database.Renditions.DeleteAsync(rendition.Id));
        Assert.IsFalse(await test.Database.Renditions.DeleteAsync(rendition.Id));
        Assert.IsNull(await test.Database.Renditions.FindByIdAsync(rendition.Id));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ApproveAsync_ThenRevokeAsync_IsApprovedFollows(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var mediaId = await AddItemAsync(test);

        await test.Database.Approvals.ApproveAsync(new MediaApproval(mediaId, Purpose.Website, "manager-1", Sample.Now));
        await test.Database.Approvals.ApproveAsync(new MediaApproval(mediaId, Purpose.Website, "manager-2", Sample.Now.AddHours(1)));

        Assert.IsTrue(await test.Database.Approvals.IsApprovedAsync(mediaId, Purpose.Website));
        Assert.IsFalse(await test.Database.Approvals.IsApprovedAsync(mediaId, Purpose.Publicity));
        Assert.AreEqual("manager-1", (await test.Database.Approvals.OfMediaAsync(mediaId)).Single().ApprovedBy);
        Assert.IsTrue(await test.Database.Approvals.RevokeAsync(mediaId, Purpose.Website));
        Assert.IsFalse(await test.Database.Approvals.IsApprovedAsync(mediaId, Purpose.Website));
        await Assert.ThrowsAsync<ArgumentException>(() => test.Database.Approvals.ApproveAsync(new MediaApproval(mediaId, Purpose.Journal, "manager-1", Sample.Now)));
    }

    private static async Task<string> AddItemAsync(TestDatabase test)
    {
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        return upload.Items[0].Id;
    }

    private static RenditionRecord Rendition(string mediaId, Purpose purpose, string audience, long revision)
    {
        var id = MediaSample.NewId();
        return new RenditionRecord(id, mediaId, purpose, audience, "renditions/" + id + ".jpg", 320, 240, revision, Sample.Now.AddTicks(revision));
    }
}
