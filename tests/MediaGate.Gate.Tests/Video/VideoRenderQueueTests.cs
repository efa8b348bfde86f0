using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Faces;
using MediaGate.Gate.Observations;
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
    private static readonly TabletCaller Uploader = new("tablet-robins", "staff-anna");

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task RecordAsync_VideoLosesAGroupOption_WithdrawsAtOnceAndTheVideoLaneReRenders()
    {
        var cancel = TestContext.CancellationToken;
        var work = Path.Combine(Directory.CreateTempSubdirectory("mediagate-render-work-").FullName, "video-work");
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Video:WorkFolder"] = work }, configure: AddVideo);
        var ava = await gate.AddChildAsync("Ava", group: true, Purpose.Journal);
        var ben = await gate.AddChildAsync("Ben", group: false, Purpose.Journal);
        var folder = Directory.CreateTempSubdirectory("mediagate-render-").FullName;
        var clip = await AstronautClip.TwoFacesAsync(folder);
        var upload = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava, ben] }.File("clip.mp4", clip).RequestAsync(), cancel);
        Assert.IsNull(upload.Problem, upload.Problem?.Detail);
        var mediaId = upload.Value.Receipt.Items[0].MediaId;
        var worker = gate.Services.GetRequiredService<VideoWorker>();
        await DrainAsync(worker, cancel);

        // Left astronaut Ava, right one Ben; the naming's renders run in the lane too.
        var faces = (await gate.Read.FindAsync(upload.Value.Receipt.ObservationId, Uploader, cancel)).Value.Items[0].Faces
            .Where(f => !f.Faint).OrderBy(f => f.X).ToList();
        Assert.HasCount(2, faces, "the two astronauts are two certain tracks");
        var named = await gate.Assign.ByTabletAsync(mediaId, Uploader, [new FaceAssignmentInput(faces[0].FaceId, ava.Value), new FaceAssignmentInput(faces[1].FaceId, ben.Value)], cancel);
        Assert.IsNull(named.Problem, named.Problem?.Detail);
        await DrainAsync(worker, cancel);
        var made = await gate.Database.Renditions.OfMediaAsync(mediaId, cancel);
        var bens = made.Single(r => r.AudienceKey == "parent:" + ben.Value);
        var avas = made.Single(r => r.AudienceKey == "parent:" + ava.Value);

        // Ava's group option goes: Ben's family's copy (Ava shown) must now mask her.
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var changed = await gate.Services.GetRequiredService<ChangeConsent>().RecordAsync(
            new ConsentRecord(ava, Purpose.Journal, true, false, "Parent of Ava", "FORM-Ava-2", today.AddDays(-1), today.AddDays(335), null, now),
            "manager", cancel);
        Assert.IsNull(changed.Problem, changed.Problem?.Detail);

        var answered = await gate.Database.Renditions.OfMediaAsync(mediaId, cancel);
        Assert.IsFalse(answered.Any(r => r.AudienceKey == bens.AudienceKey), "Ben's family's old copy is withdrawn before the answer, and no new one is made in the request");
        Assert.IsNull(await gate.Database.Videos.FindRenditionAsync(bens.Id, cancel), "the old clip's row is gone");
        Assert.AreEqual(avas.Id, answered.Single(r => r.AudienceKey == avas.AudienceKey).Id, "Ava's family's copy still matches and stays");

        // The render is a durable row: a node that claims it and dies loses it to a live one when its lease runs out.
        var dead = await gate.Database.Work.ClaimKindAsync("dead-node/1", TimeSpan.FromMilliseconds(1), 3, MediaKinds.VideoWork, cancel);
        Assert.AreEqual(mediaId, VideoRenderQueue.MediaIdOf(dead!.Id), "the re-render waits in the video lane");
        await Task.Delay(50, cancel);
        Assert.IsTrue(await worker.RunOneAsync(cancel), "a live node takes the render over");

        var remade = (await gate.Database.Renditions.OfMediaAsync(mediaId, cancel)).Single(r => r.AudienceKey == bens.AudienceKey);
        Assert.AreNotEqual(RenditionKeys.FingerprintOf(bens.ObjectKey), RenditionKeys.FingerprintOf(remade.ObjectKey), "made again, with Ava masked");
        Assert.IsNotNull(await gate.Database.Videos.FindRenditionAsync(remade.Id, cancel), "the new copy's clip is recorded");
        Assert.IsFalse(await worker.RunOneAsync(cancel), "nothing else is left in the lane");
        Assert.IsEmpty(Directory.EnumerateFileSystemEntries(work), "no decrypted clip is left in the work folder");
    }

    /// <summary>The video services without playback, which needs the parents' side of the service (not under test here).</summary>
    internal static void AddVideo(IServiceCollection services) => services.AddMediaGateVideo().RemoveAll<VideoPlayback>();

    private static async Task DrainAsync(VideoWorker worker, CancellationToken cancel)
    {
        while (await worker.RunOneAsync(cancel))
        {
        }
    }
}
