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
}
