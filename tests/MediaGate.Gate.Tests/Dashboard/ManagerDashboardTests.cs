using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Dashboard;
using MediaGate.Testing.Renditions;

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

        var view = await new ManagerDashboard(world.Database.Consents, world.Database.Media, world.Database.MediaActivity, world.Review, world.Time, clock).ReadAsync(7);

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
        var dashboard = new ManagerDashboard(world.Database.Consents, world.Database.Media, world.Database.MediaActivity, world.Review, world.Time, clock);
        var before = await dashboard.ReadAsync(7);
        world.Time.Advance(TimeSpan.FromDays(20));

        var later = await dashboard.ReadAsync(7);

        Assert.AreEqual(1, before.FailedNow);
        Assert.AreEqual(1, before.HeldNow, "the held item is not a failed one");
        Assert.AreEqual(1, later.FailedNow, "failed 20 days ago, outside the 7 days read, and still failed now");
        Assert.AreEqual(0, later.Today.Failed);
    }
}
