using System.Collections.Concurrent;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Video;

namespace MediaGate.Ingest.Tests.Video;

/// <summary>
/// The detection size (<see cref="VideoOptions.DetectionShortSide"/>, default 720): the detector sees frames whose short
/// side is at most 720 px even when the output is larger, and the boxes it finds are scaled back to the output's pixels.
/// </summary>
[TestClass]
public sealed class VideoDetectionSizeTests
{
    private static readonly TempFolder Folder = new();

    [ClassCleanup]
    public static void Cleanup() => Folder.Dispose();

    [TestMethod]
    public void Run_1080pOutputWithTheDefaultOptions_DetectorSeesFramesOf720Pixels()
    {
        string input = Clip1080p("default.mp4");
        using var detector = new SizeRecordingDetector(box: null);

        var report = new VideoAnonymiser(detector, new VideoOptions { MaxShortSide = 1080 }, new VideoLimits()).Run(input, Path.Combine(Folder.Path, "default-out.mp4"));

        Assert.IsTrue(report.IsSuccess, report.Failure?.ToString());
        Assert.AreEqual((1920, 1080), (report.Value.Width, report.Value.Height), "the output keeps 1080p");
        Assert.IsNotEmpty(detector.Sizes);
        CollectionAssert.AreEquivalent(new[] { (1280, 720) }, detector.Sizes.Distinct().ToArray(), "every sampled frame is shown to the detector at 720 px");
    }

    [TestMethod]
    public void Run_SmallerDetectionSize_BoxesScaledBackToTheOutput()
    {
        string input = Clip1080p("small.mp4");
        using var detector = new SizeRecordingDetector(box: new DetectedFace(100, 50, 40, 40, 0.9f, false));

        var report = new VideoAnonymiser(detector, new VideoOptions { MaxShortSide = 1080, DetectionShortSide = 360 }, new VideoLimits())
            .Run(input, Path.Combine(Folder.Path, "small-out.mp4"));

        Assert.IsTrue(report.IsSuccess, report.Failure?.ToString());
        CollectionAssert.AreEquivalent(new[] { (640, 360) }, detector.Sizes.Distinct().ToArray());
        var face = report.Value.Tracks.Single().Points[0].Face;
        Assert.AreEqual((300f, 150f, 120f, 120f), (face.X, face.Y, face.Width, face.Height), "a box at 360 px is three times as large at 1080 px");
    }

    /// <summary>Half a second of test pattern at 1920x1080, 10 fps.</summary>
    private static string Clip1080p(string name)
    {
        string path = Path.Combine(Folder.Path, name);
        VideoClips.Ffmpeg("-f", "lavfi", "-i", "testsrc=s=1920x1080:r=10:d=0.5", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path);
        return path;
    }

    /// <summary>A detector that records the size of every frame it is given and finds <c>box</c> (or nothing) in each.</summary>
    private sealed class SizeRecordingDetector(DetectedFace? box) : IFaceDetector
    {
        private readonly ConcurrentQueue<(int Width, int Height)> _sizes = new();

        public string Name => "size-recorder";

        public IReadOnlyList<(int Width, int Height)> Sizes => [.. _sizes];

        public Outcome<IReadOnlyList<DetectedFace>> Detect(RgbImage image)
        {
            ArgumentNullException.ThrowIfNull(image);
            _sizes.Enqueue((image.Width, image.Height));
            IReadOnlyList<DetectedFace> found = box is null ? [] : [box];
            return Outcome<IReadOnlyList<DetectedFace>>.Success(found);
        }

        public void Dispose()
        {
        }
    }
}
