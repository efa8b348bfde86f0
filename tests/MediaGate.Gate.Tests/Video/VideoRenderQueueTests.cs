using MediaGate.Data.Media;
using MediaGate.Gate.Renditions;
using MediaGate.Gate.Tests.Support;
using MediaGate.Gate.Video;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaGate.Gate.Tests.Video;

/// <summary>
/// Renditions outside the request (issue 14): a consent change that re-decides a video withdraws the copy that no longer
/// matches before it answers, makes nothing itself, and leaves a durable render for the video lane, which a live node takes
/// over from a node that died holding it.
/// </summary>
[TestClass]
public sealed class VideoRenderQueueTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task RecordAsync_VideoLosesAGroupOption_WithdrawsAtOnceAndTheVideoLaneReRenders()
    {
        var cancel = TestContext.CancellationToken;
        var work = Path.Combine(Directory.CreateTempSubdirectory("mediagate-render-work-").FullName, "video-work");
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Video:WorkFolder"] = work }, configure: AddVideo);
        var (ava, ben, observationId, mediaId) = await TwoAstronauts.UploadAsync(gate, cancel);
        await TwoAstronauts.NameAsync(gate, observationId, mediaId, ava, ben, cancel);
        var made = await gate.Database.Renditions.OfMediaAsync(mediaId, cancel);
        var bens = made.Single(r => r.AudienceKey == "parent:" + ben.Value);
        var avas = made.Single(r => r.AudienceKey == "parent:" + ava.Value);

        // Ava's group option goes: Ben's family's copy (Ava shown) must now mask her.
        await TwoAstronauts.WithdrawGroupOptionAsync(gate, ava, cancel);

        var answered = await gate.Database.Renditions.OfMediaAsync(mediaId, cancel);
        Assert.IsFalse(answered.Any(r => r.AudienceKey == bens.AudienceKey), "Ben's family's old copy is withdrawn before the answer, and no new one is made in the request");
        Assert.IsNull(await gate.Database.Videos.FindRenditionAsync(bens.Id, cancel), "the old clip's row is gone");
        Assert.AreEqual(avas.Id, answered.Single(r => r.AudienceKey == avas.AudienceKey).Id, "Ava's family's copy still matches and stays");

        // The render is a durable row: a node that claims it and dies loses it to a live one when its lease runs out.
        var dead = await gate.Database.Work.ClaimKindAsync("dead-node/1", TimeSpan.FromMilliseconds(1), 3, MediaKinds.VideoWork, cancel);
        Assert.AreEqual(mediaId, VideoRenderQueue.MediaIdOf(dead!.Id), "the re-render waits in the video lane");
        await Task.Delay(50, cancel);
        var worker = gate.Services.GetRequiredService<VideoWorker>();
        Assert.IsTrue(await worker.RunOneAsync(cancel), "a live node takes the render over");

        var remade = (await gate.Database.Renditions.OfMediaAsync(mediaId, cancel)).Single(r => r.AudienceKey == bens.AudienceKey);
        Assert.AreNotEqual(RenditionKeys.FingerprintOf(bens.ObjectKey), RenditionKeys.FingerprintOf(remade.ObjectKey), "made again, with Ava masked");
        Assert.IsNotNull(await gate.Database.Videos.FindRenditionAsync(remade.Id, cancel), "the new copy's clip is recorded");
        Assert.IsFalse(await worker.RunOneAsync(cancel), "nothing else is left in the lane");
        Assert.IsEmpty(Directory.EnumerateFileSystemEntries(work), "no decrypted clip is left in the work folder");
    }

    /// <summary>The video services without playback, which needs the parents' side of the service (not under test here).</summary>
    internal static void AddVideo(IServiceCollection services) => services.AddMediaGateVideo().RemoveAll<VideoPlayback>();
}
