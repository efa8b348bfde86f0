using MediaGate.Consent.Media;
using MediaGate.Gate.Tests.Support;

namespace MediaGate.Gate.Tests.Video;

/// <summary>
/// A video's reasons said "photo" (a nursery's walkthrough): the decisions processing makes for a clip are a video's,
/// so every sentence the engine writes from them ("who is not tagged in this video", "Journal video needs 1 mask") says so.
/// </summary>
[TestClass]
public sealed class VideoDecisionKindTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task DecideAsync_UploadedClip_StoresEveryDecisionAsAVideo()
    {
        var cancel = TestContext.CancellationToken;
        var work = Path.Combine(Directory.CreateTempSubdirectory("mediagate-kind-work-").FullName, "video-work");
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Video:WorkFolder"] = work },
            configure: VideoRenderQueueTests.AddVideo);

        var (_, _, _, mediaId) = await TwoAstronauts.UploadAsync(gate, cancel);

        var decisions = await gate.Database.Decisions.OfMediaAsync(mediaId, cancel);
        Assert.IsNotEmpty(decisions, "the clip was decided");
        CollectionAssert.AreEqual(decisions.Select(_ => MediaKind.Video).ToArray(), decisions.Select(d => d.Request.Item.Kind).ToArray());
    }
}
