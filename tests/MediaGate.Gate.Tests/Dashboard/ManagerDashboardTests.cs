using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Dashboard;
using MediaGate.Gate.Retention;
using MediaGate.Gate.Tests.Processing;
using MediaGate.Gate.Tests.Support;
using MediaGate.Gate.Worker;
using MediaGate.Testing.Renditions;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Dashboard;

[TestClass]
public sealed class ManagerDashboardTests
{
    [TestMethod]
    public async Task ReadAsync_PhotosWaitingForAName_CountsTheReasonWithASentence()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true);
        await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true);
        var clock = Microsoft.Extensions.Options.Options.Create(new SettingClockOptions { TimeZone = "Europe/London" });

        var view = await new ManagerDashboard(world.Database.Consents, world.Database.Media, world.Database.MediaActivity, world.Database.Work, world.Review, world.Time, clock).ReadAsync(7);

        var unnamed = view.HoldReasons.Single(r => r.Reason == "FaceUnassigned");
        Assert.AreEqual(2, unnamed.Count);
        Assert.AreEqual("2 photos wait for a face to be named", unnamed.Sentence);
    }

    /// <summary>
    /// "Try failed photos again" was offered when nothing had failed: the dashboard says how many items are failed now,
    /// whatever day they failed (the page offers the button only then).
    /// </summary>
    [TestMethod]
    public async Task ReadAsync_AFailedItemFromDaysAgo_CountsItInFailedNowOnly()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var failed = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true);
        Assert.IsTrue(await world.Database.Media.SetStatusAsync(failed.Id, MediaStatus.Failed, "The store was unavailable"));
        var clock = Microsoft.Extensions.Options.Options.Create(new SettingClockOptions { TimeZone = "Europe/London" });
        var dashboard = new ManagerDashboard(world.Database.Consents, world.Database.Media, world.Database.MediaActivity, world.Database.Work, world.Review, world.Time, clock);
        var before = await dashboard.ReadAsync(7);
        world.Time.Advance(TimeSpan.FromDays(20));

        var later = await dashboard.ReadAsync(7);

        Assert.AreEqual(1, before.FailedNow);
        Assert.AreEqual(1, before.HeldNow, "the held item is not a failed one");
        Assert.AreEqual(1, later.FailedNow, "failed 20 days ago, outside the 7 days read, and still failed now");
        Assert.AreEqual(0, later.Today.Failed);
    }

    /// <summary>
    /// "Try failed photos again" could stick: a failed photo whose original the sweep had deleted (72 hours after it
    /// failed) still counted, so the button stayed, and a press could do nothing for it. The dashboard still counts it
    /// as failed, but not as something the button can try again, and a press leaves it failed (never released).
    /// </summary>
    [TestMethod]
    public async Task ReadAsync_AFailedPhotoWhoseOriginalWasDeleted_FailedButNotRetryableAndAPressLeavesIt()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Gate:MaxAttempts"] = "1" },
            new BrokenDetector(throws: true), time);
        var dashboard = gate.Services.GetRequiredService<ManagerDashboard>();
        var requeue = gate.Services.GetRequiredService<RequeueFailed>();
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        await gate.Worker.RunOneAsync(CancellationToken.None);
        var failed = (await gate.Database.Media.FindItemAsync(item.MediaId))!;
        Assert.AreEqual(MediaStatus.Failed, failed.Status);
        var fresh = await dashboard.ReadAsync(7);
        Assert.AreEqual((1L, 1L), (fresh.FailedNow, fresh.RetryableNow), "its original is kept: the button can try it again");

        time.Advance(TimeSpan.FromHours(73));
        await gate.Services.GetRequiredService<RetentionSweep>().SweepOnceAsync();
        Assert.IsNull(await StoredObjects.ReadAsync(gate.Masters, failed.UploadKey), "the sweep deleted the failed original");

        var later = await dashboard.ReadAsync(7);
        var pressed = await requeue.RequeueAllAsync("manager-1", CancellationToken.None);

        Assert.AreEqual((1L, 0L), (later.FailedNow, later.RetryableNow), "still failed, and nothing a press can put back");
        Assert.IsEmpty(pressed);
        Assert.IsFalse(await requeue.RequeueAsync(item.MediaId, "manager-1", CancellationToken.None));
        Assert.AreEqual(MediaStatus.Failed, (await gate.Database.Media.FindItemAsync(item.MediaId))!.Status, "left failed: never released");
        Assert.IsFalse(await gate.Worker.RunOneAsync(CancellationToken.None), "nothing was put back in the queue");
    }
}
