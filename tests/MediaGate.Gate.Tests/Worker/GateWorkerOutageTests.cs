using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Data.Retention;
using MediaGate.Data.Work;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Tests.Processing;
using MediaGate.Gate.Tests.Support;
using MediaGate.Gate.Worker;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;

namespace MediaGate.Gate.Tests.Worker;

/// <summary>
/// Issue 13: a store or database that is briefly away, or a full disk, is not the photo's fault. Real SQLite, real folder
/// stores and the real detector; the store's failures are switched on and off underneath the service (<see cref="FaultyStore"/>).
/// </summary>
[TestClass]
public sealed class GateWorkerOutageTests
{
    /// <summary>Not a timing threshold: only how long to wait before calling the worker stuck.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromMinutes(3);

    [TestMethod]
    public async Task RunOneAsync_MasterStoreDown_ItemWaitsWithoutSpendingAnAttempt()
    {
        var masters = new FaultyStore();
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders,
            new Dictionary<string, string?> { ["Gate:MaxAttempts"] = "1", ["Gate:RetryFirstSeconds"] = "600" },
            configure: services => masters.Around(services, StorageServiceCollectionExtensions.MasterStore));
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        masters.Fault = FaultyStore.Down;

        Assert.IsTrue(await gate.Worker.RunOneAsync(CancellationToken.None));

        Assert.AreEqual(WorkState.Pending, await gate.Database.Work.StateAsync(item.MediaId), "an outage spends no attempt: with one attempt allowed the item would be failed");
        Assert.AreEqual(MediaStatus.Processing, (await gate.Database.Media.FindItemAsync(item.MediaId))!.Status);
        Assert.IsFalse(await gate.Worker.RunOneAsync(CancellationToken.None), "the item waits out its back-off before it is tried again");
    }

    [TestMethod]
    [DataRow("down")]
    [DataRow("disk-full")]
    public async Task ExecuteAsync_MasterStoreFailsThenComesBack_EveryAcknowledgedUploadEndsDecided(string fault)
    {
        var masters = new FaultyStore();
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders,
            new Dictionary<string, string?> { ["Gate:MaxAttempts"] = "1", ["Gate:RetryFirstSeconds"] = "1", ["Gate:RetryMaxSeconds"] = "1", ["Gate:WorkerCount"] = "2" },
            configure: services => masters.Around(services, StorageServiceCollectionExtensions.MasterStore));
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var acknowledged = new List<string>();
        foreach (var photo in new[] { Photos.Astronaut, Photos.Coffee, Photos.Astronaut })
        {
            acknowledged.Add((await ProcessItemTests.UploadAsync(gate, photo, ava)).MediaId);
        }

        masters.Fault = fault == "down" ? FaultyStore.Down : FaultyStore.DiskFull;
        await gate.Worker.StartAsync(CancellationToken.None);
        var during = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava] }.File(Photos.Coffee).RequestAsync(), CancellationToken.None);
        await WaitAsync(async () => masters.Failures >= 3 * acknowledged.Count || !await AnyProcessingAsync(gate));
        masters.Fault = null;
        await WaitAsync(async () => !await AnyProcessingAsync(gate));
        await gate.Worker.StopAsync(CancellationToken.None);

        Assert.AreEqual(GateProblemKind.Unavailable, during.Problem?.Kind, "an upload while the store fails is refused (the tablet keeps it), never acknowledged");
        foreach (var id in acknowledged)
        {
            var item = await gate.Database.Media.FindItemAsync(id);
            Assert.AreEqual(MediaStatus.Released, item!.Status, $"acknowledged item {id} ended {item.Status}: {item.StatusDetail}");
            Assert.AreEqual(WorkState.Done, await gate.Database.Work.StateAsync(id));
        }
    }

    [TestMethod]
    public async Task ReleasePreviousClaimsAsync_ClaimOfThisNodesPreviousLife_IsClaimedAgainAtOnce()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Gate:NodeName"] = "node-a" });
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var mine = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        var theirs = await ProcessItemTests.UploadAsync(gate, Photos.Coffee, ava);
        Assert.AreEqual(mine.MediaId, (await gate.Database.Work.ClaimAsync("node-a/1", TimeSpan.FromHours(1), 3))!.Id);
        Assert.AreEqual(theirs.MediaId, (await gate.Database.Work.ClaimAsync("node-b/1", TimeSpan.FromHours(1), 3))!.Id);

        Assert.AreEqual(1, await gate.Worker.ReleasePreviousClaimsAsync(CancellationToken.None));

        Assert.IsTrue(await gate.Worker.RunOneAsync(CancellationToken.None), "the claim from before the restart was not taken back");
        Assert.AreEqual(MediaStatus.Released, (await gate.Database.Media.FindItemAsync(mine.MediaId))!.Status);
        Assert.IsFalse(await gate.Worker.RunOneAsync(CancellationToken.None), "another node's claim is left to its lease");
        Assert.AreEqual(WorkState.Claimed, await gate.Database.Work.StateAsync(theirs.MediaId));
    }

    [TestMethod]
    public async Task ReleasePreviousClaimsAsync_DefaultNameAndADeadProcessOfThisHost_EndsOnlyThatProcesssClaims()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var dead = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        var alive = await ProcessItemTests.UploadAsync(gate, Photos.Coffee, ava);
        int running = Environment.ProcessId == 1 ? 2 : 1; // pid 1 always runs
        await gate.Database.Work.ClaimAsync($"{Environment.MachineName}/2147483", TimeSpan.FromHours(1), 3);
        await gate.Database.Work.ClaimAsync($"{Environment.MachineName}/{running}", TimeSpan.FromHours(1), 3);

        Assert.AreEqual(1, await gate.Worker.ReleasePreviousClaimsAsync(CancellationToken.None));

        Assert.IsTrue(await gate.Worker.RunOneAsync(CancellationToken.None));
        Assert.AreEqual(MediaStatus.Released, (await gate.Database.Media.FindItemAsync(dead.MediaId))!.Status);
        Assert.AreEqual(WorkState.Claimed, await gate.Database.Work.StateAsync(alive.MediaId), "a running process's claim is its own");
    }

    [TestMethod]
    public async Task ProcessAsync_MasterAndRenditions_AreWrittenDownBeforeTheirBytesAndClearedWhenRecorded()
    {
        var masters = new FaultyStore();
        var renditions = new FaultyStore();
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, configure: services =>
        {
            masters.Around(services, StorageServiceCollectionExtensions.MasterStore);
            renditions.Around(services, StorageServiceCollectionExtensions.RenditionStore);
        });
        var writtenDown = new List<(string Key, bool Before)>();
        Func<DeletionStore, Func<ObjectKey, Task>> check = store => async key =>
            writtenDown.Add((key.Value, (await gate.Database.PendingDeletions.ListAsync(1000)).Any(p => p.Store == store && p.ObjectKey == key.Value)));
        masters.BeforePut = check(DeletionStore.Master);
        renditions.BeforePut = check(DeletionStore.Renditions);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);

        Assert.AreEqual(MediaStatus.Released, await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None));

        var stored = await gate.Database.Media.FindItemAsync(item.MediaId);
        var rendition = (await gate.Database.Renditions.OfMediaAsync(item.MediaId)).Single();
        foreach (var key in new[] { stored!.UploadKey, stored.MasterKey!, rendition.ObjectKey })
        {
            Assert.IsTrue(writtenDown.Single(w => w.Key == key).Before, $"{key} was stored before it was written down");
        }

        Assert.IsEmpty(await gate.Database.PendingDeletions.ListAsync(1000), "the rows that name the objects cleared their entries");
    }

    [TestMethod]
    public async Task RunOneAsync_ItemThatFailsItself_HasItsOriginalWrittenDownForDeletion()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Gate:MaxAttempts"] = "1" },
            new BrokenDetector(throws: true));
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);

        await gate.Worker.RunOneAsync(CancellationToken.None);

        var failed = await gate.Database.Media.FindItemAsync(item.MediaId);
        Assert.AreEqual(MediaStatus.Failed, failed!.Status);
        var due = (await gate.Database.PendingDeletions.ListAsync(10)).Single(p => p.ObjectKey == failed.UploadKey);
        Assert.AreEqual(DeletionStore.Master, due.Store);
        Assert.IsGreaterThan(TimeProvider.System.GetUtcNow().AddHours(71), due.DueAt, "kept for the manager's re-queue (72 hours by default)");
    }

    [TestMethod]
    public async Task RequeueAsync_FailedItem_GoesBackToProcessingWithItsAttemptsAndItsOriginal()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Gate:MaxAttempts"] = "1" },
            new BrokenDetector(throws: true));
        var requeue = (RequeueFailed)gate.Services.GetService(typeof(RequeueFailed))!;
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        await gate.Worker.RunOneAsync(CancellationToken.None);
        var failed = await gate.Database.Media.FindItemAsync(item.MediaId);
        Assert.AreEqual(MediaStatus.Failed, failed!.Status);

        Assert.IsTrue(await requeue.RequeueAsync(item.MediaId, "manager-1", CancellationToken.None));

        Assert.AreEqual(MediaStatus.Processing, (await gate.Database.Media.FindItemAsync(item.MediaId))!.Status);
        Assert.AreEqual(WorkState.Pending, await gate.Database.Work.StateAsync(item.MediaId));
        Assert.IsFalse((await gate.Database.PendingDeletions.ListAsync(10)).Any(p => p.ObjectKey == failed.UploadKey), "the original is needed again");
        Assert.IsNotNull(await StoredObjects.ReadAsync(gate.Masters, failed.UploadKey));
        Assert.IsTrue((await gate.Database.Audit.ReadAsync()).Any(e => e.Action == "requeue" && e.Subject == item.MediaId && e.Actor == "manager-1"));
        Assert.IsTrue(await gate.Worker.RunOneAsync(CancellationToken.None), "claimed again: its attempts start afresh");
    }

    [TestMethod]
    public async Task RequeueAsync_ItemNotFailedOrUnknown_ChangesNothing()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var requeue = (RequeueFailed)gate.Services.GetService(typeof(RequeueFailed))!;
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        Assert.IsFalse(await requeue.RequeueAsync(item.MediaId, "manager-1", CancellationToken.None));
        Assert.IsNull(await requeue.RequeueAsync(Guid.NewGuid().ToString("N"), "manager-1", CancellationToken.None));
        Assert.AreEqual(MediaStatus.Released, (await gate.Database.Media.FindItemAsync(item.MediaId))!.Status);
    }

    private static async Task<bool> AnyProcessingAsync(GateHarness gate) =>
        (await gate.Database.Media.ItemsWithStatusAsync([MediaStatus.Processing], 10)).Count > 0;

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        using var stuck = new CancellationTokenSource(Stuck);
        while (!await done())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stuck.Token);
        }
    }
}
