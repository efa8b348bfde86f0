using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Consent.People;
using MediaGate.Data.Media;
using MediaGate.Data.Retention;
using MediaGate.Data.Tests.Media;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Retention;

[TestClass]
public sealed class SqlRetentionRepositoryTests
{
    private static readonly DateOnly LeftOn = new(2026, 1, 31);

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SetLeftOnAsync_KnownAndUnknownChild_RecordsTheDayOrSaysNoSuchChild(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);

        Assert.IsTrue(await test.Database.Retention.SetLeftOnAsync(Sample.Ava, LeftOn));
        Assert.IsFalse(await test.Database.Retention.SetLeftOnAsync(new ChildId("nobody"), LeftOn));
        Assert.AreEqual(LeftOn, await test.Database.Retention.LeftOnAsync(Sample.Ava));
        Assert.IsNull(await test.Database.Retention.LeftOnAsync(Sample.Ben));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task LeftByAsync_LeftBeforeOnAndAfterTheDay_OnlyThoseWhoLeftByThen(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        await test.Database.Retention.SetLeftOnAsync(Sample.Ava, LeftOn);
        await test.Database.Retention.SetLeftOnAsync(Sample.Ben, LeftOn.AddDays(1));

        var onTheDay = await test.Database.Retention.LeftByAsync(LeftOn);
        var dayBefore = await test.Database.Retention.LeftByAsync(LeftOn.AddDays(-1));

        CollectionAssert.AreEquivalent(new[] { Sample.Ava.Value }, onTheDay.ToArray(), "Ben leaves the day after; the others have not left");
        Assert.IsEmpty(dayBefore);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task DueItemsAsync_OnlyItemsWhoseEveryTaggedChildLeftByTheCutOff(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var avaOnly = await DecidedItemAsync(test.Database, [Sample.Ava]);
        var both = await DecidedItemAsync(test.Database, [Sample.Ava, Sample.Ben]);
        var untagged = await DecidedItemAsync(test.Database, []);
        var stillProcessing = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(stillProcessing);
        await test.Database.Retention.SetLeftOnAsync(Sample.Ava, LeftOn);

        var beforeCutOff = await test.Database.Retention.DueItemsAsync(LeftOn.AddDays(-1), 10);
        var atCutOff = await test.Database.Retention.DueItemsAsync(LeftOn, 10);

        Assert.IsEmpty(beforeCutOff);
        CollectionAssert.AreEqual(new[] { avaOnly }, atCutOff.ToArray(), $"not {both} (Ben stays), {untagged} (no child) or the processing item");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task TombstoneAsync_DueItem_MarksDeletedDropsRenditionsAndDecisionsAndQueuesEveryObject(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var mediaId = await DecidedItemAsync(test.Database, [Sample.Ava]);
        await test.Database.Renditions.SaveAsync(new RenditionRecord(MediaSample.NewId(), mediaId, Purpose.Journal, "parent:ava", "renditions/r1.jpg", 10, 10, 1, Sample.Now));
        var request = Sample.ForParentOfBen(Sample.GroupPhoto(mediaId));
        var matrix = ConsentMatrix.Create([], [Sample.Grant(Sample.Ben, Purpose.Journal, Sample.Now.AddDays(-1))]);
        await test.Database.Decisions.SaveAsync(StoredDecision.From(MediaSample.NewId(), request,
            ConsentDecisionEngine.Decide(request, matrix.AsOf(Sample.Now, TimeZoneInfo.Utc)), Sample.Now));
        await test.Database.Retention.SetLeftOnAsync(Sample.Ava, LeftOn);

        var tombstone = await test.Database.Retention.TombstoneAsync(mediaId, LeftOn, "retention", Sample.Now);
        var again = await test.Database.Retention.TombstoneAsync(mediaId, LeftOn, "retention", Sample.Now);

        Assert.IsNotNull(tombstone);
        Assert.IsNull(again, "a tombstone without renditions is not due again");
        var item = await test.Database.Media.FindItemAsync(mediaId);
        Assert.AreEqual(MediaStatus.Deleted, item!.Status);
        Assert.IsNull(item.MasterKey);
        Assert.IsEmpty(await test.Database.Renditions.OfMediaAsync(mediaId));
        Assert.IsEmpty(await test.Database.Decisions.OfMediaAsync(mediaId));
        CollectionAssert.AreEquivalent(
            new[] { "master:uploads/" + mediaId, "master:masters/" + mediaId + ".jpg", "renditions:renditions/r1.jpg" },
            (await test.Database.PendingDeletions.ListAsync(10)).Select(d => (d.Store == DeletionStore.Master ? "master:" : "renditions:") + d.ObjectKey).ToArray());
        CollectionAssert.AreEqual(new[] { "ava" }, tombstone.Children.ToArray());
        Assert.IsFalse(await test.Database.Media.SetStatusAsync(mediaId, MediaStatus.Released, null), "a tombstone stays one");
        Assert.AreEqual(MediaStatus.Deleted, (await test.Database.Media.FindItemAsync(mediaId))!.Status);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task TombstoneAsync_ChildCameBack_LeavesTheItem(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var mediaId = await DecidedItemAsync(test.Database, [Sample.Ava]);
        await test.Database.Retention.SetLeftOnAsync(Sample.Ava, LeftOn);
        var due = await test.Database.Retention.DueItemsAsync(LeftOn, 10);
        await test.Database.Retention.SetLeftOnAsync(Sample.Ava, null);

        var tombstone = await test.Database.Retention.TombstoneAsync(due.Single(), LeftOn, "retention", Sample.Now);

        Assert.IsNull(tombstone);
        Assert.AreEqual(MediaStatus.Released, (await test.Database.Media.FindItemAsync(mediaId))!.Status);
        Assert.IsEmpty(await test.Database.PendingDeletions.ListAsync(10));
    }

    /// <summary>An uploaded item with a master, released.</summary>
    private static async Task<string> DecidedItemAsync(MediaGateDatabase database, IReadOnlyList<ChildId> children)
    {
        var upload = MediaSample.Upload(1, children);
        Assert.IsTrue((await database.AddRecordedUploadAsync(upload)).Stored);
        var id = upload.Items[0].Id;
        await database.Media.RecordMasterAsync(id, "masters/" + id + ".jpg", 100, 100, []);
        await database.Media.SetStatusAsync(id, MediaStatus.Released, null);
        return id;
    }
}
