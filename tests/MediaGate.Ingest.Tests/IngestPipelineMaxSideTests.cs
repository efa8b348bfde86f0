using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Mask;
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
            Assert.IsGreaterThanOrEqualTo(0.5f, best, $"a face is found near the labelled {expected} in full-size pixels");
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
    public void Anonymise_MaxSide_WritesTheReducedPhotoWithNoPixelOfTheFace()
    {
        // The detector sees the 400x300 picture and answers in its pixels; the face is at (200, 150, 100, 100) in the
        // 800x600 photo. Whatever the face's own pixels are, the output must be the same: the mask hides every output
        // pixel computed from them.
        RgbImage original = Decode.SyntheticImages.Quadrants(800, 600);
        RgbImage altered = original.Clone();
        var random = new Random(12);
        for (int y = 150; y < 250; y++)
        {
            random.NextBytes(altered.Row(y).Slice(200 * 3, 100 * 3));
        }

        byte[] plain = AnonymiseAt400(original, out PhotoContext photo);
        byte[] fromAltered = AnonymiseAt400(altered, out _);

        RgbImage written = PhotoReader.ReadUpright(plain, Options.Limits).Value.Image;
        Assert.AreEqual((400, 300), (written.Width, written.Height));
        Assert.AreEqual(new DetectedFace(200, 150, 100, 100, 0.9f, false), photo.Faces!.Single());
        CollectionAssert.AreEqual(plain, fromAltered, "the face's own pixels reached the output");
    }

    [TestMethod]
    public void Anonymise_MaxSide_MasksThePictureAtTheOutputSize()
    {
        // Decoded once, reduced, masked and written at 400x300: the mask lies in the output's pixels (centre of the
        // 400x300 box (100, 75, 50, 50)), not in the 800x600 photo's, which is never masked nor reduced again.
        _ = AnonymiseAt400(Decode.SyntheticImages.Quadrants(800, 600), out PhotoContext photo);

        MaskRegion mask = photo.Masks!.Single();
        Assert.AreEqual((125.0, 100.0), (mask.CenterX, mask.CenterY), "the mask is in the output's pixels");
        Assert.AreEqual((400, 300), (photo.Image!.Width, photo.Image.Height));
        Assert.IsTrue(photo.Image.Row(100).Slice(125 * 3, 3).SequenceEqual(Masked(photo).Row(100).Slice(125 * 3, 3)));
    }

    [TestMethod]
    public void Anonymise_MaxSideOnARealJpeg_WritesThatSizeWithEveryLabelledFaceMasked()
    {
        // The meeting photo (1024 px wide, three faces of 148-186 px) enlarged three times, as a JPEG: anonymised at
        // 1024 px, it is decoded in the DCT at 3/8, searched and masked at 1024 px; each labelled face (in the meeting
        // photo's own pixels, which are the output's) is covered by a mask and changed in the written photo.
        RgbImage small = RealFaces.Pixels(RealFaces.Meeting);
        RgbImage large = ImageResampler.Resize(small, small.Width * 3, small.Height * 3);
        using IFaceDetector detector = DetectTestData.Create("yunet-n");
        var pipeline = new IngestPipeline(detector, Options);
        var photo = new PhotoContext(JpegEncoder.Encode(large, 92).Value);

        Outcome<PhotoContext> outcome = pipeline.Anonymise(photo, 1024);

        Assert.IsTrue(outcome.IsSuccess, outcome.Failure?.ToString());
        RgbImage written = PhotoReader.ReadUpright(photo.Output!, Options.Limits).Value.Image;
        Assert.AreEqual((small.Width, small.Height), (written.Width, written.Height));
        foreach (DetectedFace labelled in RealFaces.Faces(RealFaces.Meeting))
        {
            var (cx, cy) = (labelled.X + (labelled.Width / 2), labelled.Y + (labelled.Height / 2));
            Assert.IsTrue(photo.Masks!.Any(m => m.NormalisedRadius(cx, cy) < 0.5), $"a mask in output pixels covers the labelled face at ({cx}, {cy})");
            Assert.IsGreaterThan(PixelThresholds.MaskedWhenReducedAtLeast, MeanDifference(small, written, labelled), $"the labelled face at ({cx}, {cy}) is masked in the written photo");
        }

        Assert.IsLessThan(PixelThresholds.EncodedAtMost, MeanDifference(small, written, new DetectedFace(0, 0, 80, 80, 0f, false)), "pixels far from the faces are unchanged but for encoding");
    }

    private static byte[] AnonymiseAt400(RgbImage image, out PhotoContext photo)
    {
        using var detector = new FixedDetector(new DetectedFace(100, 75, 50, 50, 0.9f, false));
        var pipeline = new IngestPipeline(detector, Options);
        photo = new PhotoContext(Decode.SyntheticImages.Png(image));
        Outcome<PhotoContext> outcome = pipeline.Anonymise(photo, 400);
        Assert.IsTrue(outcome.IsSuccess, outcome.Failure?.ToString());
        Assert.AreEqual((400, 300), (detector.SearchedWidth, detector.SearchedHeight));
        return photo.Output!;
    }

    /// <summary>The reduced photo masked with its own masks (what the output's pixels must be before encoding).</summary>
    private static RgbImage Masked(PhotoContext photo)
    {
        RgbImage plain = ImageResampler.Resize(PhotoReader.ReadUpright(photo.Input, Options.Limits).Value.Image, photo.Image!.Width, photo.Image.Height);
        FaceMasker.Apply(plain, photo.Masks!);
        return plain;
    }

    /// <summary>Mean absolute difference of the central half of a face box between two pictures of the same size.</summary>
    private static double MeanDifference(RgbImage a, RgbImage b, DetectedFace face)
    {
        int x0 = (int)(face.X + (face.Width / 4)), y0 = (int)(face.Y + (face.Height / 4));
        int x1 = (int)(face.X + (face.Width * 3 / 4)), y1 = (int)(face.Y + (face.Height * 3 / 4));
        long sum = 0;
        for (int y = y0; y < y1; y++)
        {
            ReadOnlySpan<byte> ra = a.Row(y).Slice(x0 * 3, (x1 - x0) * 3), rb = b.Row(y).Slice(x0 * 3, (x1 - x0) * 3);
            for (int i = 0; i < ra.Length; i++)
            {
                sum += Math.Abs(ra[i] - rb[i]);
            }
        }

        return (double)sum / ((y1 - y0) * (x1 - x0) * 3);
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
