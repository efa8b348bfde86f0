using System.Globalization;
using MediaGate.Gate.Tests.Support;
using MediaGate.Gate.Video;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Video;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Video;

/// <summary>
/// The service's video lane follows faces with the video passes on the photo detector's models
/// (<see cref="VideoFaceDetector"/>), as the command line and the video benchmarks do, not with the photo passes (three
/// scales up to 2x enlarged per sample: a part of a face found on its own, and about five times the CPU).
/// </summary>
[TestClass]
public sealed class VideoFaceDetectorTests
{
    [TestMethod]
    public async Task VideoLane_FollowsFacesWithTheVideoPassesOfThePhotoDetector()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, configure: VideoRenderQueueTests.AddVideo);
        RgbImage frame = PhotoReader.ReadUpright(await File.ReadAllBytesAsync(Photos.Meeting), new IngestLimits()).Value.Image;
        var registry = new ModelRegistry(ModelManifest.Load(ModelManifest.DefaultPath).Value, [ModelRegistry.InstalledFolder, TestPaths.SharedModels]);
        using IFaceDetector videoOnItsOwn = VideoDetector.Create(registry, name: null).Value;

        var lane = gate.Services.GetRequiredService<VideoFaceDetector>().Detector;

        Assert.AreEqual(Describe(videoOnItsOwn.Detect(frame).Value), Describe(lane.Detect(frame).Value), "the video detector's faces");
        Assert.AreNotEqual(Describe(GateAssembly.Detector.Detect(frame).Value), Describe(lane.Detect(frame).Value), "not the photo passes' faces");
    }

    private static string Describe(IReadOnlyList<DetectedFace> faces) =>
        string.Join("; ", faces.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.X:0.0},{f.Y:0.0} {f.Width:0.0}x{f.Height:0.0} {f.Score:0.000} {(f.Uncertain ? "faint" : "certain")}")));
}
