using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class YuNetDetectorTests
{
    private static readonly FaceBox AstronautFace = DetectTestData.AstronautFace;

    private static IFaceDetector _detector = null!;

    [ClassInitialize]
    public static void Open(TestContext context) => _detector = DetectTestData.Create("yunet-n");

    [ClassCleanup]
    public static void Close() => _detector.Dispose();

    [TestMethod]
    public void Detect_SmallFaceIn12MegapixelPhoto_IsFoundAtItsPlace()
    {
        // A 12 MP tablet-sized photo with the astronaut shrunk so that her face is about 45 px wide, placed
        // far from the origin: found only if the tiles are mapped back to photo pixels correctly.
        var canvas = new RgbImage(4000, 3000);
        Array.Fill(canvas.Pixels, (byte)128);
        var small = ImageResampler.Resize(DetectTestData.Sample("astronaut.png"), 333, 333);
        DetectTestData.Paste(canvas, small, 2900, 2100);
        var scale = 333f / 512f;
        var expected = new FaceBox(2900 + (AstronautFace.X * scale), 2100 + (AstronautFace.Y * scale), AstronautFace.Width * scale, AstronautFace.Height * scale);

        var faces = _detector.Detect(canvas).Value;

        Assert.IsTrue(DetectTestData.IsMasked(faces, expected), $"{expected} not masked by {string.Join("; ", faces)}");
    }

    [TestMethod]
    public void Detect_FaceAcrossATileSeam_IsFoundOnce()
    {
        // Put the small astronaut's face on the seam between the first two tiles of the finest level.
        var canvas = new RgbImage(4000, 3000);
        Array.Fill(canvas.Pixels, (byte)128);
        var plan = DetectionPlanner.Plan(4000, 3000, MultiScaleSettings.YuNet);
        var finest = plan.Levels.Count - 1;
        var firstTile = plan.Windows.First(w => w.Level == finest).Tile;
        var seamX = (int)(firstTile.Right / plan.Levels[finest].Scale);
        var small = ImageResampler.Resize(DetectTestData.Sample("astronaut.png"), 333, 333);
        var scale = 333f / 512f;
        var faceCentre = (AstronautFace.X + (AstronautFace.Width / 2)) * scale;
        DetectTestData.Paste(canvas, small, seamX - (int)faceCentre, 1000);
        var expected = new FaceBox(seamX - faceCentre + (AstronautFace.X * scale), 1000 + (AstronautFace.Y * scale), AstronautFace.Width * scale, AstronautFace.Height * scale);

        var faces = _detector.Detect(canvas).Value;

        Assert.IsTrue(DetectTestData.IsMasked(faces, expected), $"{expected} not masked by {string.Join("; ", faces)}");
        Assert.HasCount(1, faces.Where(f => new FaceBox(f.X, f.Y, f.Width, f.Height).IntersectionOverUnion(expected) > 0.1f).ToList());
    }

    [TestMethod]
    public void Detect_ConcurrentCalls_GiveTheSameFacesAsOneCall()
    {
        var image = DetectTestData.FacesDev("images/0--Parade/0_Parade_Parade_0_887.jpg");
        var alone = _detector.Detect(image).Value;

        var together = new IReadOnlyList<DetectedFace>[4];
        Parallel.For(0, together.Length, i => together[i] = _detector.Detect(image).Value);

        foreach (var faces in together)
        {
            CollectionAssert.AreEqual(alone.ToArray(), faces.ToArray());
        }
    }

    [TestMethod]
    public void Detect_EveryFace_LiesInsideThePhoto()
    {
        var image = DetectTestData.FacesDev("images/0--Parade/0_Parade_Parade_0_960.jpg");

        var faces = _detector.Detect(image).Value;

        Assert.IsNotEmpty(faces);
        Assert.IsTrue(faces.All(f => f.X >= 0 && f.Y >= 0 && f.X + f.Width <= image.Width && f.Y + f.Height <= image.Height));
    }

    [TestMethod]
    public void FindCandidates_MirroredLevel_FindsTheAstronautAtHerPlaceInTheUnmirroredPhoto()
    {
        var options = new DetectorOptions { IntraOpThreads = 1, MultiScale = MultiScaleSettings.YuNet with { MirroredLevels = 1 } };
        using var detector = (TiledFaceDetector)FaceDetectorFactory.Create(DetectTestData.Registry, "yunet-n", options).Value;

        var candidates = detector.FindCandidates(DetectTestData.Sample("astronaut.png"));

        var mirrored = candidates.Where(c => c.Level == TiledFaceDetector.MirroredLevelId(0) && c.Score >= 0.8f).ToList();
        Assert.IsNotEmpty(mirrored, string.Join("; ", candidates));
        Assert.IsTrue(mirrored.All(c => c.Box.Grow(1.4f).Covers(AstronautFace) >= 0.7f), string.Join("; ", mirrored));
    }

    [TestMethod]
    public void Detect_MirroredLevels_StillFindsOneCertainFaceOnTheAstronaut()
    {
        var options = new DetectorOptions { IntraOpThreads = 1, MultiScale = MultiScaleSettings.YuNet with { MirroredLevels = 9 } };
        using var detector = FaceDetectorFactory.Create(DetectTestData.Registry, "yunet-n", options).Value;

        var certain = detector.Detect(DetectTestData.Sample("astronaut.png")).Value.Where(f => !f.Uncertain).ToList();

        Assert.HasCount(1, certain, string.Join("; ", certain));
        Assert.IsTrue(DetectTestData.IsMasked(certain, AstronautFace), certain[0].ToString());
    }
}
