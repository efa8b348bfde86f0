using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Data.Work;
using MediaGate.Gate.Tests.Processing;
using MediaGate.Gate.Tests.Support;

namespace MediaGate.Gate.Tests.Worker;

[TestClass]
public sealed class GateWorkerTests
{
    /// <summary>Not a timing threshold: only how long to wait before calling the worker stuck.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromMinutes(3);

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ExecuteAsync_AcceptedItems_ProcessesEachOnceAndCompletesItsWork(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends, new Dictionary<string, string?> { ["Gate:WorkerCount"] = "2" });
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var solo = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        var group = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);
        var empty = await ProcessItemTests.UploadAsync(gate, Photos.Coffee, ava);

        await gate.Worker.StartAsync(CancellationToken.None);
        await WaitUntilNothingIsProcessingAsync(gate);
        await gate.Worker.StopAsync(CancellationToken.None);

        Assert.AreEqual(MediaStatus.Released, (await gate.Database.Media.FindItemAsync(solo.MediaId))!.Status);
        Assert.AreEqual(MediaStatus.NeedsAssignment, (await gate.Database.Media.FindItemAsync(group.MediaId))!.Status);
        Assert.AreEqual(MediaStatus.Released, (await gate.Database.Media.FindItemAsync(empty.MediaId))!.Status);
        foreach (var id in new[] { solo.MediaId, group.MediaId, empty.MediaId })
        {
            Assert.AreEqual(WorkState.Done, await gate.Database.Work.StateAsync(id));
        }

        var decisions = (await gate.Database.Audit.ReadAsync()).Where(e => e.Action == "decision").Select(e => e.Subject).ToArray();
        CollectionAssert.AreEquivalent(new[] { solo.MediaId, group.MediaId, empty.MediaId }, decisions, "each item decided exactly once");
    }

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ExecuteAsync_ItemClaimedByANodeThatDied_IsProcessedOnceItsLeaseRunsOut(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        var dead = await gate.Database.Work.ClaimAsync("node-killed", TimeSpan.FromSeconds(2), 3);
        Assert.AreEqual(item.MediaId, dead!.Id);

        await gate.Worker.StartAsync(CancellationToken.None);
        await WaitUntilNothingIsProcessingAsync(gate);
        await gate.Worker.StopAsync(CancellationToken.None);

        Assert.AreEqual(MediaStatus.Released, (await gate.Database.Media.FindItemAsync(item.MediaId))!.Status);
        Assert.AreEqual(WorkState.Done, await gate.Database.Work.StateAsync(item.MediaId));
        Assert.IsFalse(await gate.Database.Work.CompleteAsync(dead), "the dead node's claim still counts (fencing)");
    }

    [TestMethod]
    public async Task RunOneAsync_ItemThatThrowsEveryTime_IsRetriedThenFailedAndNeverReleased()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Gate:MaxAttempts"] = "2" },
            new BrokenDetector(throws: true));
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);

        Assert.IsTrue(await gate.Worker.RunOneAsync(CancellationToken.None));
        Assert.AreEqual(WorkState.Pending, await gate.Database.Work.StateAsync(item.MediaId));
        Assert.AreEqual(MediaStatus.Processing, (await gate.Database.Media.FindItemAsync(item.MediaId))!.Status);
        Assert.IsTrue(await gate.Worker.RunOneAsync(CancellationToken.None));

        Assert.AreEqual(WorkState.Failed, await gate.Database.Work.StateAsync(item.MediaId));
        var failed = await gate.Database.Media.FindItemAsync(item.MediaId);
        Assert.AreEqual(MediaStatus.Failed, failed!.Status);
        StringAssert.Contains(failed.StatusDetail, "the detector crashed");
        Assert.IsEmpty(await gate.Database.Renditions.OfMediaAsync(item.MediaId));
        Assert.IsFalse(await gate.Worker.RunOneAsync(CancellationToken.None), "a failed item is not claimed again");
    }

    [TestMethod]
    public async Task SweepGivenUpAsync_ItemWhoseNodeDiedOnItsLastAttempt_IsFailed()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Gate:MaxAttempts"] = "1" }, clock: clock);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        Assert.IsNotNull(await gate.Database.Work.ClaimAsync("node-killed", TimeSpan.FromMinutes(5), 1), "the dying node held the item");
        Assert.IsFalse(await gate.Worker.RunOneAsync(CancellationToken.None), "while its lease runs, nobody else takes the item");
        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.IsFalse(await gate.Worker.RunOneAsync(CancellationToken.None), "an item out of attempts is given up, not claimed");
        await gate.Worker.SweepGivenUpAsync(CancellationToken.None);

        Assert.AreEqual(WorkState.Failed, await gate.Database.Work.StateAsync(item.MediaId));
        Assert.AreEqual(MediaStatus.Failed, (await gate.Database.Media.FindItemAsync(item.MediaId))!.Status);
    }

    private static async Task WaitUntilNothingIsProcessingAsync(GateHarness gate)
    {
        using var stuck = new CancellationTokenSource(Stuck);
        while ((await gate.Database.Media.ItemsWithStatusAsync([MediaStatus.Processing], 10)).Count > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stuck.Token);
        }
    }
}
