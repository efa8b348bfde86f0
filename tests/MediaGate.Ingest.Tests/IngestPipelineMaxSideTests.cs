using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Tests.Detect;
using MediaGate.Ingest.Tests.Render;

namespace MediaGate.Ingest.Tests;

/// <summary>Detection at the rendition size (issue 12, section 3): faces searched on the reduced photo, boxes in full-size pixels.</summary>
[TestClass]
public sealed class IngestPipelineMaxSideTests
{
    private static readonly IngestOptions Options = new();

    [TestMethod]
    public void Detect_MaxSideBelowARealPhoto_FindsItsLabelledFacesInFullSizePixels()
    {
        // The meeting photo (1024 px wide, three faces of 148-186 px) enlarged three times, as a JPEG: searched at
        // 1024 px, every labelled face must come back where it is in the enlarged photo.
        RgbImage small = RealFaces.Pixels(RealFaces.Meeting);
        RgbImage large = ImageResampler.Resize(small, small.Width * 3, small.Height * 3);
        using IFaceDetector detector = DetectTestData.Create("yunet-n");
        var pipeline = new IngestPipeline(detector, Options);
        var photo = new PhotoContext(JpegEncoder.Encode(large, 92).Value);

        Outcome<PhotoContext> outcome = pipeline.Detect(photo, 1024);

        Assert.IsTrue(outcome.IsSuccess, outcome.Failure?.ToString());
        Assert.AreEqual((large.Width, large.Height), (photo.UprightWidth, photo.UprightHeight));
        Assert.AreEqual(1024, Math.Max(photo.Image!.Width, photo.Image.Height), "the faces were not searched on the reduced photo");
        foreach (DetectedFace labelled in RealFaces.Faces(RealFaces.Meeting))
        {
            var expected = new FaceBox(labelled.X * 3, labelled.Y * 3, labelled.Width * 3, labelled.Height * 3);
            float best = photo.Faces!.Max(f => new FaceBox(f.X, f.Y, f.Width, f.Height).IntersectionOverUnion(expected));
            Assert.IsGreaterThanOrEqualTo(0.5f, best, $"no face near the labelled {expected} in full-size pixels");
        }
    }

    [TestMethod]
    public void Detect_MaxSideAboveThePhoto_SearchesTheFullSize()
    {
        using var detector = new FixedDetector(new DetectedFace(10, 10, 20, 20, 0.9f, false));
        var pipeline = new IngestPipeline(detector, Options);
        var photo = new PhotoContext(JpegEncoder.Encode(Decode.SyntheticImages.Quadrants(320, 240), 90).Value);

        Outcome<PhotoContext> outcome = pipeline.Detect(photo, 2048);

        Assert.IsTrue(outcome.IsSuccess, outcome.Failure?.ToString());
        Assert.AreEqual((320, 240), (detector.SearchedWidth, detector.SearchedHeight));
        Assert.AreEqual(new DetectedFace(10, 10, 20, 20, 0.9f, false), photo.Faces!.Single());
    }

    [TestMethod]
    public void Anonymise_MaxSide_WritesTheReducedPhotoWithTheFaceMaskedAtFullSizeFirst()
    {
        // The detector sees the 400x300 picture and answers in its pixels; the face is at (200, 150, 100, 100) in the
        // 800x600 photo. Whatever the face's own pixels are, the output must be the same: the mask was applied at full
        // size, in the right place, before the reduction.
        RgbImage original = Decode.SyntheticImages.Quadrants(800, 600);
        RgbImage altered = original.Clone();
        var random = new Random(12);
        for (int y = 150; y < 250; y++)
        {
            random.NextBytes(altered.Row(y).Slice(200 * 3, 100 * 3));
        }

        byte[] First(RgbImage image, out PhotoContext photo)
        {
            using var detector = new FixedDetector(new DetectedFace(100, 75, 50, 50, 0.9f, false));
            var pipeline = new IngestPipeline(detector, Options);
            photo = new PhotoContext(Decode.SyntheticImages.Png(image));
            Outcome<PhotoContext> outcome = pipeline.Anonymise(photo, 400);
            Assert.IsTrue(outcome.IsSuccess, outcome.Failure?.ToString());
            Assert.AreEqual((400, 300), (detector.SearchedWidth, detector.SearchedHeight));
            return photo.Output!;
        }

        byte[] plain = First(original, out PhotoContext photo);
        byte[] fromAltered = First(altered, out _);

        RgbImage written = PhotoReader.ReadUpright(plain, Options.Limits).Value.Image;
        Assert.AreEqual((400, 300), (written.Width, written.Height));
        Assert.AreEqual(new DetectedFace(200, 150, 100, 100, 0.9f, false), photo.Faces!.Single());
        CollectionAssert.AreEqual(plain, fromAltered, "the face's own pixels reached the output");
    }

    /// <summary>Answers one face, in pixels of whatever picture it is given, and notes that picture's size.</summary>
    private sealed class FixedDetector(DetectedFace face) : IFaceDetector
    {
        public string Name => "fixed";

        public int SearchedWidth { get; private set; }

        public int SearchedHeight { get; private set; }

        public Outcome<IReadOnlyList<DetectedFace>> Detect(RgbImage image)
        {
            (SearchedWidth, SearchedHeight) = (image.Width, image.Height);
            return Outcome<IReadOnlyList<DetectedFace>>.Success([face]);
        }

        public void Dispose()
        {
        }
    }
}
