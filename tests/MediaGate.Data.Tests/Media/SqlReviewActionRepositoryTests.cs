using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Media;

[TestClass]
public sealed class SqlReviewActionRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SetAsync_SecondActionForThePurpose_ReplacesTheFirstAndKeepsOthers(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var mediaId = await AddItemAsync(test);
        var mask = new ReviewActionRecord(mediaId, Purpose.Journal, ReviewAction.Mask, "manager-1", Sample.Now);
        var block = new ReviewActionRecord(mediaId, Purpose.Journal, ReviewAction.Block, "manager-2", Sample.Now.AddMinutes(1));
        var website = new ReviewActionRecord(mediaId, Purpose.Website, ReviewAction.Release, "manager-1", Sample.Now);

        await test.Database.ReviewActions.SetAsync(mask);
        await test.Database.ReviewActions.SetAsync(website);
        await test.Database.ReviewActions.SetAsync(block);

        CollectionAssert.AreEqual(new[] { block, website }, (await test.Database.ReviewActions.OfMediaAsync(mediaId)).ToArray());
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SetAsync_UnknownItem_IsRefusedByTheDatabase(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));

        await Assert.ThrowsAsync<System.Data.Common.DbException>(() =>
            test.Database.ReviewActions.SetAsync(new ReviewActionRecord(MediaSample.NewId(), Purpose.Journal, ReviewAction.Block, "m", Sample.Now)));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task OfMediaAsync_NoAction_IsEmpty(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var mediaId = await AddItemAsync(test);

        Assert.IsEmpty(await test.Database.ReviewActions.OfMediaAsync(mediaId));
    }

    private static async Task<string> AddItemAsync(TestDatabase test)
    {
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        return upload.Items[0].Id;
    }
}
