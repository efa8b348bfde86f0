using MediaGate.Consent.Matrix;
using MediaGate.Data.Work;
using MediaGate.Gate.Tests.Support;
using MediaGate.Gate.Video;
using MediaGate.Gate.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Video;

/// <summary>
/// Video at a lower priority than photos (issue 14): while this node processes a photo, or finished one less than a second
/// ago, the video lane claims nothing (so a clip's ffmpeg runs do not take the cores and memory of a burst of photos), and
/// after <c>Video:YieldToPhotosSeconds</c> of waiting it claims anyway (a steady stream of photos never starves a clip).
/// </summary>
[TestClass]
public sealed class VideoLaneYieldTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task RunOneAsync_WhilePhotosAreProcessed_WaitsForAQuietMoment()
    {
        var cancel = TestContext.CancellationToken;
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, clock: clock, configure: VideoRenderQueueTests.AddVideo);
        var mediaId = await UploadClipAsync(gate, cancel);
        var photos = gate.Services.GetRequiredService<PhotoActivity>();
        var lane = gate.Services.GetRequiredService<VideoWorker>();

        using (photos.Begin())
        {
            Assert.IsFalse(await lane.RunOneAsync(cancel), "a photo is being processed: the lane waits");
            clock.Advance(TimeSpan.FromSeconds(20));
            Assert.IsFalse(await lane.RunOneAsync(cancel), "still that photo");
        }

        Assert.IsFalse(await lane.RunOneAsync(cancel), "a photo ended less than a second ago");
        Assert.AreEqual(WorkState.Pending, await gate.Database.Work.StateAsync(mediaId), "nothing was claimed while the lane waited");
        clock.Advance(VideoWorker.PhotoQuiet);

        Assert.IsTrue(await lane.RunOneAsync(cancel), "quiet: the clip is processed");
        Assert.AreEqual(WorkState.Done, await gate.Database.Work.StateAsync(mediaId));
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task RunOneAsync_PhotosNeverQuiet_ClaimsAfterTheSetWait()
    {
        var cancel = TestContext.CancellationToken;
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var gate = await GateHarness.CreateAsync(
            Backends.SqliteFolders, new Dictionary<string, string?> { ["Video:YieldToPhotosSeconds"] = "30" }, clock: clock, configure: VideoRenderQueueTests.AddVideo);
        var mediaId = await UploadClipAsync(gate, cancel);
        var lane = gate.Services.GetRequiredService<VideoWorker>();

        using var photo = gate.Services.GetRequiredService<PhotoActivity>().Begin();
        Assert.IsFalse(await lane.RunOneAsync(cancel), "the lane starts waiting");
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.IsFalse(await lane.RunOneAsync(cancel), "29 s: still waiting");
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.IsTrue(await lane.RunOneAsync(cancel), "after 30 s the clip goes ahead of the photos");
        Assert.AreEqual(WorkState.Done, await gate.Database.Work.StateAsync(mediaId));
    }

    [TestMethod]
    public async Task PhotoWorker_WhileItProcessesAPhoto_CountsAsPhotoActivity()
    {
        PhotoActivity? activity = null;
        bool? busyDuringDetection = null;
        var detector = new WatchingDetector(GateAssembly.Detector, () => busyDuringDetection = activity!.Busy(TimeSpan.Zero));
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, detector: detector);
        activity = gate.Services.GetRequiredService<PhotoActivity>();
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        await Processing.ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        Assert.IsFalse(activity.Busy(VideoWorker.PhotoQuiet), "no photo yet");

        Assert.IsTrue(await gate.Worker.RunOneAsync(TestContext.CancellationToken));

        Assert.IsTrue(busyDuringDetection, "the photo being processed counts");
        Assert.IsFalse(activity.Busy(TimeSpan.Zero), "it ended");
        Assert.IsTrue(activity.Busy(VideoWorker.PhotoQuiet), "and ended just now");
    }

    /// <summary>The real detector, calling <paramref name="watch"/> each time it is asked.</summary>
    private sealed class WatchingDetector(MediaGate.Ingest.Detect.IFaceDetector inner, Action watch) : MediaGate.Ingest.Detect.IFaceDetector
    {
        public string Name => inner.Name;

        public MediaGate.Ingest.Outcome<IReadOnlyList<MediaGate.Ingest.Detect.DetectedFace>> Detect(MediaGate.Ingest.RgbImage image)
        {
            watch();
            return inner.Detect(image);
        }

        public void Dispose()
        {
        }
    }

    private static async Task<string> UploadClipAsync(GateHarness gate, CancellationToken cancel)
    {
        var ava = await gate.AddChildAsync("Ava", group: true, Purpose.Journal);
        var folder = Directory.CreateTempSubdirectory("mediagate-yield-").FullName;
        var upload = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava] }.File("clip.mp4", await AstronautClip.TwoFacesAsync(folder)).RequestAsync(), cancel);
        Assert.IsNull(upload.Problem, upload.Problem?.Detail);
        return upload.Value.Receipt.Items[0].MediaId;
    }
}
