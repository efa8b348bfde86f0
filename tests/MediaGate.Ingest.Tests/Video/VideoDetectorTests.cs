using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Tests.Detect;
using MediaGate.Ingest.Video;

namespace MediaGate.Ingest.Tests.Video;

/// <summary>
/// The video detector's passes (<see cref="VideoDetector.YuNetPasses"/>): the frame at its own size and at half of it.
/// Swimmers in caps and goggles, 60-70 px at 720p, are missed by YuNet at the frame's own size and found at half of it.
/// </summary>
[TestClass]
public sealed class VideoDetectorTests
{
    private const string Swimming = "images/41--Swimming/41_Swimming_Swimming_41_243.jpg";

    [TestMethod]
    public void Detect_SwimmersInGogglesInA720pFrame_FindsEveryLabelledFaceTheOwnSizePassAloneMisses()
    {
        // The window bench video-coverage's pan shows at two thirds of its way (70% of the photo's width, 16:9), at 1280x720.
        RgbImage photo = DetectTestData.FacesDev(Swimming);
        float fullWidth = Math.Min(photo.Width, photo.Height * 16f / 9f), w = fullWidth * 0.7f, h = w * 9f / 16f, t = 80f / 119f;
        var window = new PixelRect((int)((photo.Width - w) * t), (int)((photo.Height - h) * t), (int)w, (int)h);
        RgbImage frame = ImageResampler.ResizeRegion(photo, window, 1280, 720);
        float scale = 1280f / window.Width;
        var shown = DetectTestData.Labels(Swimming)
            .Select(l => new FaceBox((l.X - window.X) * scale, (l.Y - window.Y) * scale, l.Width * scale, l.Height * scale))
            .Where(b => b.X >= 0 && b.Y >= 0 && b.Right <= 1280 && b.Bottom <= 720 && Math.Min(b.Width, b.Height) >= 50)
            .ToList();
        var options = new DetectorOptions { IntraOpThreads = 1 };
        using IFaceDetector video = VideoDetector.Create(DetectTestData.Registry, "yunet-n", options).Value;
        using IFaceDetector ownSizeOnly = FaceDetectorFactory.Create(DetectTestData.Registry, "yunet-n", new DetectorOptions
        {
            IntraOpThreads = 1,
            MultiScale = VideoDetector.YuNetPasses with { WholeImageLongSide = 1280, FinestLevelPixels = 0 },
        }).Value;

        IReadOnlyList<DetectedFace> found = video.Detect(frame).Value;
        IReadOnlyList<DetectedFace> foundOwnSize = ownSizeOnly.Detect(frame).Value;

        Assert.IsGreaterThanOrEqualTo(4, shown.Count, "the frame shows several swimmers of 50 px and more");
        Assert.IsLessThan(shown.Count, shown.Count(l => DetectTestData.IsMasked(foundOwnSize, l)), "the own-size pass alone misses some swimmers");
        Assert.AreEqual(shown.Count, shown.Count(l => DetectTestData.IsMasked(found, l)), "the half-size pass finds them");
    }

    [TestMethod]
    public void ForVideo_OnTheServicesPhotoDetector_FindsWhatTheVideoDetectorFindsAndLeavesThePhotoDetectorOpen()
    {
        // The service's video lane gets the photo detector (photo passes) and follows faces with ForVideo of it.
        RgbImage photo = DetectTestData.FacesDev(Swimming);
        RgbImage frame = ImageResampler.ResizeRegion(photo, new PixelRect(0, 0, photo.Width, photo.Width * 9 / 16), 1280, 720);
        var options = new DetectorOptions { IntraOpThreads = 1 };
        using IFaceDetector photos = FaceDetectorFactory.Create(DetectTestData.Registry, "yunet-n", options).Value;
        using IFaceDetector opened = VideoDetector.Create(DetectTestData.Registry, "yunet-n", options).Value;
        IReadOnlyList<DetectedFace> byPhotoPasses = photos.Detect(frame).Value;

        IReadOnlyList<DetectedFace> found;
        using (IFaceDetector video = VideoDetector.ForVideo(photos))
        {
            Assert.AreEqual(VideoDetector.YuNetPasses, ((TiledFaceDetector)video).Settings, "the video passes");
            found = video.Detect(frame).Value;
        }

        Assert.AreEqual(Describe(opened.Detect(frame).Value), Describe(found), "the same faces as the video detector opened on its own");
        Assert.AreNotEqual(Describe(byPhotoPasses), Describe(found), "not the photo passes' faces");
        Assert.AreEqual(Describe(byPhotoPasses), Describe(photos.Detect(frame).Value), "the photo detector still works after the video one is disposed");
    }

    private static string Describe(IReadOnlyList<DetectedFace> faces) =>
        string.Join("; ", faces.Select(f => FormattableString.Invariant($"{f.X:0.0},{f.Y:0.0} {f.Width:0.0}x{f.Height:0.0} {f.Score:0.000} {(f.Uncertain ? "faint" : "certain")}")));
}
