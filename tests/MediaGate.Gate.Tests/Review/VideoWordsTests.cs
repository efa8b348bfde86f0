using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Dashboard;
using MediaGate.Gate.Review;
using MediaGate.Testing.Renditions;

namespace MediaGate.Gate.Tests.Review;

/// <summary>
/// A video's reasons said "photo" (a nursery's walkthrough): what the manager's review and dashboard answer for a held
/// video names it a video, in the reasons, the summary and the dashboard's sentence, also for decisions stored before
/// the decisions kept the item's kind, and a manager's decision stores the kind.
/// </summary>
[TestClass]
public sealed class VideoWordsTests
{
    [TestMethod]
    public async Task QueueAsync_HeldVideo_ReasonsSummaryAndDashboardSayVideoNeverPhoto()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var ben = await world.ChildAsync("Ben Jones");
        // Face 2 is named as Ben, who is not tagged: held until someone corrects the names.
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, ben, null], video: true);

        var entry = (await world.Review.QueueAsync(50)).Single(q => q.MediaId == item.Id);
        var board = await Dashboard(world).ReadAsync(7);

        Assert.AreEqual("video", entry.Kind);
        AssertSaysVideo(entry);
        StringAssert.Contains(entry.Summary, "who is not tagged in this video");
        var reason = board.HoldReasons.Single(r => r.Reason == "FaceAssignedToUntaggedChild");
        Assert.AreEqual("1 video has a face named as a child who is not tagged", reason.Sentence);
    }

    [TestMethod]
    public async Task QueueAsync_VideoDecidedBeforeDecisionsKeptTheKind_SaysVideo()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var ben = await world.ChildAsync("Ben Jones");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, ben, null], video: true);
        // As stored before this change: the request names no kind, and reads back as a photo.
        foreach (var stored in await world.Database.Decisions.OfMediaAsync(item.Id))
        {
            await world.Database.Decisions.SaveAsync(stored with { Request = stored.Request with { Item = stored.Request.Item with { Kind = MediaKind.Photo } } });
        }

        var entry = (await world.Review.QueueAsync(50)).Single(q => q.MediaId == item.Id);

        AssertSaysVideo(entry);
    }

    [TestMethod]
    public async Task DecideAsync_ManagersDecisionOnAVideo_StoresItsDecisionsAsAVideo()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var ben = await world.ChildAsync("Ben Jones");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, ben, null], video: true);
        foreach (var stored in await world.Database.Decisions.OfMediaAsync(item.Id))
        {
            await world.Database.Decisions.SaveAsync(stored with { Request = stored.Request with { Item = stored.Request.Item with { Kind = MediaKind.Photo } } });
        }

        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Block, []), RenditionWorld.Manager);

        IReadOnlyList<StoredDecision> decisions = await world.Database.Decisions.OfMediaAsync(item.Id);
        Assert.IsTrue(decisions.All(d => d.Request.Item.Kind == MediaKind.Video), "the re-decision reads the item's kind");
    }

    private static void AssertSaysVideo(ReviewQueueItem entry)
    {
        var messages = entry.Decisions.SelectMany(d => d.Reasons).Select(r => r.Message).ToArray();
        var said = string.Join(" | ", messages.Append(entry.Summary));
        Assert.IsTrue(messages.Any(m => m.Contains("this video", StringComparison.Ordinal)), said);
        Assert.IsFalse(said.Contains("photo", StringComparison.OrdinalIgnoreCase), $"a video is never called a photo: {said}");
    }

    private static ManagerDashboard Dashboard(RenditionWorld world) =>
        new(world.Database.Consents, world.Database.Media, world.Database.MediaActivity, world.Database.Work, world.Review, world.Time,
            Microsoft.Extensions.Options.Options.Create(new SettingClockOptions { TimeZone = "Europe/London" }));
}
