using MediaGate.Data.Retention;
using MediaGate.Data.Tests.Media;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Retention;

[TestClass]
public sealed class SqlPendingDeletionsTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddUploadAsync_OriginalsRecorded_CommitsAndRemovesTheirEntries(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(2, [Sample.Ava]);
        var unrelated = "uploads/" + MediaSample.NewId();
        await test.Database.PendingDeletions.RecordUploadAsync(unrelated, Sample.Now.AddHours(1));

        var outcome = await test.Database.AddRecordedUploadAsync(upload);

        Assert.IsTrue(outcome.Stored);
        var left = await test.Database.PendingDeletions.ListAsync(10);
        Assert.AreEqual(unrelated, left.Single().ObjectKey);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddUploadAsync_OriginalNeverRecorded_WritesNothing(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);

        var outcome = await test.Database.Media.AddUploadAsync(upload);

        Assert.IsFalse(outcome.Stored);
        Assert.IsTrue(outcome.OriginalsSwept);
        Assert.IsNull(await test.Database.Media.FindObservationAsync(upload.Observation.Id));
        Assert.IsNull(await test.Database.Media.FindItemAsync(upload.Items[0].Id));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddUploadAsync_OriginalClaimedBySweep_WritesNothingAndTheClaimStays(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.PendingDeletions.RecordUploadAsync(upload.Items[0].UploadKey, Sample.Now.AddMinutes(-1));
        var claimed = await test.Database.PendingDeletions.ClaimDueAsync(Sample.Now, "node-a", Sample.Now.AddMinutes(5), 10);

        var outcome = await test.Database.Media.AddUploadAsync(upload);

        Assert.HasCount(1, claimed);
        Assert.IsTrue(outcome.OriginalsSwept);
        Assert.IsNull(await test.Database.Media.FindItemAsync(upload.Items[0].Id));
        Assert.IsTrue(await test.Database.PendingDeletions.CompleteAsync(claimed[0], "node-a"));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ClaimDueAsync_NotDueOrClaimedByAnother_AreLeftAndExpiredClaimsAreTaken(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var db = test.Database.PendingDeletions;
        await db.RecordUploadAsync("uploads/due", Sample.Now.AddMinutes(-10));
        await db.RecordUploadAsync("uploads/later", Sample.Now.AddMinutes(10));

        var first = await db.ClaimDueAsync(Sample.Now, "node-a", Sample.Now.AddMinutes(1), 10);
        var whileHeld = await db.ClaimDueAsync(Sample.Now.AddSeconds(30), "node-b", Sample.Now.AddMinutes(2), 10);
        var afterExpiry = await db.ClaimDueAsync(Sample.Now.AddMinutes(2), "node-b", Sample.Now.AddMinutes(3), 10);

        Assert.AreEqual("uploads/due", first.Single().ObjectKey);
        Assert.AreEqual(DeletionStore.Master, first[0].Store);
        Assert.AreEqual(DeletionReason.Upload, first[0].Reason);
        Assert.IsEmpty(whileHeld);
        Assert.AreEqual("uploads/due", afterExpiry.Single().ObjectKey);
        Assert.IsFalse(await db.CompleteAsync(first[0], "node-a"), "node-a lost its claim when it ran out");
        Assert.IsTrue(await db.CompleteAsync(afterExpiry[0], "node-b"));
        Assert.AreEqual("uploads/later", (await db.ListAsync(10)).Single().ObjectKey);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ForgetUploadAsync_Unclaimed_RemovesTheEntry(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await test.Database.PendingDeletions.RecordUploadAsync("uploads/refused", Sample.Now.AddHours(1));

        Assert.IsTrue(await test.Database.PendingDeletions.ForgetUploadAsync("uploads/refused"));
        Assert.IsFalse(await test.Database.PendingDeletions.ForgetUploadAsync("uploads/refused"));
        Assert.IsEmpty(await test.Database.PendingDeletions.ListAsync(10));
    }
}
