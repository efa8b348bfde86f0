using System.Collections.Concurrent;
using MediaGate.Data.Media;
using MediaGate.Data.Retention;
using MediaGate.Data.Tests.Media;
using MediaGate.Data.Tests.Support;
using MediaGate.Data.Work;

namespace MediaGate.Data.Tests.Work;

[TestClass]
public sealed class SqlWorkQueueTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task EnqueueAsync_SameIdTwice_QueuesOnce(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var queue = test.Database.Work;

        Assert.IsTrue(await queue.EnqueueAsync("media-1", "process"));
        Assert.IsFalse(await queue.EnqueueAsync("media-1", "process"));

        Assert.IsNotNull(await queue.ClaimAsync("node-a", Lease, 3));
        Assert.IsNull(await queue.ClaimAsync("node-a", Lease, 3));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ClaimAsync_OldestFirst_ThenNothing(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        var queue = test.Database.Work;
        await queue.EnqueueAsync("b-second", "process");
        time.Advance(TimeSpan.FromSeconds(1));
        await queue.EnqueueAsync("a-third", "process");

        var first = await queue.ClaimAsync("node-a", Lease, 3);
        var second = await queue.ClaimAsync("node-a", Lease, 3);

        Assert.AreEqual("b-second", first!.Id);
        Assert.AreEqual("a-third", second!.Id);
        Assert.AreEqual(1, first.Attempt);
        Assert.IsNull(await queue.ClaimAsync("node-b", Lease, 3));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ClaimAsync_LaterFirstTurn_ComesBeforeEarlierLaterTurns(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        var queue = test.Database.Work;
        for (int turn = 0; turn < 3; turn++)
        {
            await queue.EnqueueAsync($"batch-{turn}", "process", turn);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        await queue.EnqueueAsync("single-0", "process", 0);

        var order = new List<string>();
        while (await queue.ClaimAsync("node-a", Lease, 3) is { } claim)
        {
            order.Add(claim.Id);
        }

        CollectionAssert.AreEqual(new[] { "batch-0", "single-0", "batch-1", "batch-2" }, order);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ClaimAsync_TwoNodesAtOnce_EveryItemClaimedExactlyOnce(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        await using var otherNode = await test.Reopen(time);
        for (int i = 0; i < 60; i++)
        {
            await test.Database.Work.EnqueueAsync($"media-{i:00}", "process");
        }

        var claims = new ConcurrentBag<(string Node, WorkClaim Claim)>();
        async Task Drain(string node, IWorkQueue queue)
        {
            while (await queue.ClaimAsync(node, Lease, 3) is { } claim)
            {
                claims.Add((node, claim));
                Assert.IsTrue(await queue.CompleteAsync(claim));
            }
        }

        await Task.WhenAll(
            Drain("node-a", test.Database.Work), Drain("node-a2", test.Database.Work),
            Drain("node-b", otherNode.Work), Drain("node-b2", otherNode.Work));

        Assert.HasCount(60, claims);
        Assert.HasCount(60, claims.Select(c => c.Claim.Id).Distinct().ToArray());
        Assert.IsTrue(claims.All(c => c.Claim.Attempt == 1));
        Assert.AreEqual(WorkState.Done, await test.Database.Work.StateAsync("media-59"));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ClaimAsync_LeaseRanOut_AnotherNodeTakesItAndTheOldClaimIsFenced(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        var queue = test.Database.Work;
        await queue.EnqueueAsync("media-1", "process");
        var dead = await queue.ClaimAsync("node-a", Lease, 3);

        Assert.IsNull(await queue.ClaimAsync("node-b", Lease, 3), "claimed while the lease still runs");
        time.Advance(Lease + TimeSpan.FromSeconds(1));
        var again = await queue.ClaimAsync("node-b", Lease, 3);

        Assert.AreEqual("media-1", again!.Id);
        Assert.AreEqual(2, again.Attempt);
        Assert.IsFalse(await queue.CompleteAsync(dead!));
        Assert.IsFalse(await queue.RenewAsync(dead!, Lease));
        Assert.IsTrue(await queue.CompleteAsync(again));
        Assert.AreEqual(WorkState.Done, await queue.StateAsync("media-1"));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RenewAsync_BeforeTheLeaseRunsOut_KeepsTheItem(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        var queue = test.Database.Work;
        await queue.EnqueueAsync("media-1", "process");
        var claim = await queue.ClaimAsync("node-a", Lease, 3);

        time.Advance(Lease - TimeSpan.FromSeconds(10));
        Assert.IsTrue(await queue.RenewAsync(claim!, Lease));
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.IsNull(await queue.ClaimAsync("node-b", Lease, 3));
        Assert.IsTrue(await queue.CompleteAsync(claim!));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task FailAsync_UntilMaxAttempts_RequeuesThenGivesUp(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var queue = test.Database.Work;
        await queue.EnqueueAsync("media-1", "process");

        var first = await queue.ClaimAsync("node-a", Lease, 2);
        Assert.IsTrue(await queue.FailAsync(first!, "store timed out", 2));
        Assert.AreEqual(WorkState.Pending, await queue.StateAsync("media-1"));
        var second = await queue.ClaimAsync("node-a", Lease, 2);
        Assert.IsTrue(await queue.FailAsync(second!, "store timed out", 2));

        Assert.AreEqual(WorkState.Failed, await queue.StateAsync("media-1"));
        Assert.IsNull(await queue.ClaimAsync("node-a", Lease, 2));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ClaimAsync_ItemWhoseNodeDiedEveryTime_IsGivenUpNotHandedOnForever(string store)
    {
        // A file that kills the process on every attempt must not take every node down in turn.
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        var queue = test.Database.Work;
        await queue.EnqueueAsync("poison", "process");
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            Assert.AreEqual(attempt, (await queue.ClaimAsync("node-" + attempt, Lease, 3))!.Attempt);
            time.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        Assert.IsNull(await queue.ClaimAsync("node-4", Lease, 3));
        Assert.AreEqual(WorkState.Failed, await queue.StateAsync("poison"));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ClaimAsync_OwnExpiredClaimAtMaxAttempts_IsNotGivenUp(string store)
    {
        // The process that holds the claim is alive (it is the one claiming): it gives the item back itself after an outage.
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        var queue = test.Database.Work;
        await queue.EnqueueAsync("media-1", "process");
        var claim = await queue.ClaimAsync("node-a/7", Lease, 1);
        time.Advance(Lease + TimeSpan.FromSeconds(1));

        await queue.ClaimAsync("node-a/7", Lease, 1);

        Assert.AreNotEqual(WorkState.Failed, await queue.StateAsync("media-1"));
        Assert.IsTrue(await queue.PostponeAsync(claim!, "outage: database away", time.GetUtcNow()), "the late hand-back still holds");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task PostponeAsync_AfterAnOutage_WaitsUntilNotBeforeAndSpendsNoAttempt(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        var queue = test.Database.Work;
        await queue.EnqueueAsync("media-1", "process");
        var first = await queue.ClaimAsync("node-a", Lease, 1);

        Assert.IsTrue(await queue.PostponeAsync(first!, "outage: store away", time.GetUtcNow() + TimeSpan.FromSeconds(30)));

        Assert.AreEqual(WorkState.Pending, await queue.StateAsync("media-1"));
        Assert.IsNull(await queue.ClaimAsync("node-a", Lease, 1), "waiting out its back-off");
        time.Advance(TimeSpan.FromSeconds(30));
        var second = await queue.ClaimAsync("node-a", Lease, 1);
        Assert.AreEqual((1, 1), (second!.Attempt, second.Outages), "the attempt was given back; the outage counted");
        Assert.IsFalse(await queue.PostponeAsync(first!, "late", time.GetUtcNow()), "a claim taken again is fenced");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ReleaseAsync_ClaimsOfAHolder_AreClaimableAtOnce(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var queue = test.Database.Work;
        await queue.EnqueueAsync("mine", "process");
        await queue.EnqueueAsync("theirs", "process", 1);
        await queue.ClaimAsync("node-a/1", Lease, 3);
        await queue.ClaimAsync("node-b/1", Lease, 3);

        CollectionAssert.AreEqual(new[] { "node-a/1" }, (await queue.HoldersAsync("node-a/")).ToArray());
        Assert.AreEqual(1, await queue.ReleaseAsync("node-a/1"));

        Assert.AreEqual("mine", (await queue.ClaimAsync("node-a/2", Lease, 3))?.Id);
        Assert.IsNull(await queue.ClaimAsync("node-a/2", Lease, 3), "another holder's claim stays");
    }

    /// <summary>
    /// A failed item whose original the sweep deleted (72 hours after it failed) was counted as failed "now" and put back
    /// by every press of "Try failed photos again", only to fail again: the dashboard's button stayed for ever. Only a
    /// failed item whose original is still kept, or whose master is recorded, is counted, listed and put back.
    /// </summary>
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RequeueFailedAsync_FailedItemsByWhatIsKept_OnlyThoseWithTheirOriginalOrMasterCountedAndPutBack(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(4, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        var (kept, swept, sweeping, mastered) = (upload.Items[0], upload.Items[1], upload.Items[2], upload.Items[3]);
        foreach (var item in upload.Items)
        {
            // As ProcessItem fails an item: its original written down for deletion, due after FailedOriginalHours (the
            // kept one failed later, so its original is not due yet).
            var dueAt = Sample.Now.AddHours(item == kept ? 100 : 72);
            await test.Database.PendingDeletions.RecordWriteAheadAsync(DeletionStore.Master, item.UploadKey, dueAt);
            Assert.IsTrue(await test.Database.Media.SetStatusAsync(item.Id, MediaStatus.Failed, "Not an image"));
        }

        await test.Database.Media.RecordMasterAsync(mastered.Id, "masters/" + mastered.Id + ".jpg", 640, 480, []);
        time.Advance(TimeSpan.FromHours(73));
        var due = await test.Database.PendingDeletions.ClaimDueAsync(time.GetUtcNow(), "sweeper", time.GetUtcNow().AddMinutes(5), 10);
        Assert.HasCount(3, due, "every original but the kept one is due");
        foreach (var deletion in due.Where(d => d.ObjectKey != sweeping.UploadKey))
        {
            Assert.IsTrue(await test.Database.PendingDeletions.CompleteAsync(deletion, "sweeper"), "the sweep deleted this original");
        }

        var queue = test.Database.Work;
        Assert.AreEqual(2, await queue.CountRequeueableAsync(), "the one whose original is kept and the one with a master");
        CollectionAssert.AreEquivalent(new[] { kept.Id, mastered.Id }, (await queue.RequeueableAsync(10)).ToArray());

        Assert.IsFalse(await queue.RequeueFailedAsync(swept.Id), "its original is gone: nothing to process");
        Assert.IsFalse(await queue.RequeueFailedAsync(sweeping.Id), "its original is being deleted by a sweep");
        Assert.IsTrue(await queue.RequeueFailedAsync(kept.Id));
        Assert.IsTrue(await queue.RequeueFailedAsync(mastered.Id));

        Assert.AreEqual(MediaStatus.Failed, (await test.Database.Media.FindItemAsync(swept.Id))!.Status, "left failed, never released");
        Assert.AreEqual(MediaStatus.Failed, (await test.Database.Media.FindItemAsync(sweeping.Id))!.Status);
        Assert.AreEqual(MediaStatus.Processing, (await test.Database.Media.FindItemAsync(kept.Id))!.Status);
        Assert.AreEqual(0, await queue.CountRequeueableAsync());
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RequeueFailedAsync_FailedVideoWhoseWorkEntryIsGone_QueuedAgainInTheVideoLane(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        var video = upload.Items[0];
        await test.Database.AddRecordedUploadAsync(upload with { Videos = [video.Id] });
        await test.Database.PendingDeletions.RecordWriteAheadAsync(DeletionStore.Master, video.UploadKey, Sample.Now.AddHours(72));
        Assert.IsTrue(await test.Database.Media.SetStatusAsync(video.Id, MediaStatus.Failed, "The video was refused"));
        await test.ExecuteRawAsync($"DELETE FROM work_queue WHERE id = '{video.Id}'");

        Assert.IsTrue(await test.Database.Work.RequeueFailedAsync(video.Id));

        Assert.IsNull(await test.Database.Work.ClaimAsync("node-a", Lease, 3), "a photo worker never takes the video");
        Assert.AreEqual(video.Id, (await test.Database.Work.ClaimKindAsync("node-a", Lease, 3, MediaKinds.VideoWork))?.Id);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task StateAsync_UnknownId_IsNull(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));

        Assert.IsNull(await test.Database.Work.StateAsync("nothing"));
    }
}
