using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;
using MediaGate.Ingest.Render;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace MediaGate.Ingest.Tests.Render;

[TestClass]
public sealed class RenditionRendererTests
{
    // The meeting photo is 1024 px wide; renditions of it at 512 px exercise the reduction on a real photo.
    private static readonly RenditionOptions Half = new() { MaxLongSide = 512, JpegQuality = 85 };
    private static readonly IngestOptions Ingest = new();

    // Output pixels this far (in rendition pixels) from a mask's box are outside every 16x16 JPEG block that the
    // mask or the reduction touches, plus the decoder's one-pixel chroma upsampling: they must come out identical.
    private const int FarFromMask = 32;

    [TestMethod]
    public void Render_FaceToMask_MaskedRegionDiffersFromMaster()
    {
        var faces = RealFaces.Faces(RealFaces.Meeting);
        var masked = faces[0];

        var rendition = Render(RealFaces.Meeting, [masked]);
        var plain = PlainDownscale(RealFaces.Meeting);

        // Inside the face box itself (scaled), the mask's fill is nothing like the face: a mean difference of
        // more than 20 levels per channel (a face against a smooth fill of its surroundings differs far more).
        double meanInside = MeanAbsoluteDifference(rendition, plain, Scaled(masked, 0.5f), inside: true);
        Assert.IsGreaterThan(PixelThresholds.MaskedAtLeast, meanInside, $"the masked face is filled from its surroundings (mean difference {meanInside:F1})");
    }

    [TestMethod]
    public void Render_FaceNotToMask_StaysAsInAPlainDownscale()
    {
        var faces = RealFaces.Faces(RealFaces.Meeting);

        var rendition = Render(RealFaces.Meeting, [faces[0]]);
        var plain = PlainDownscale(RealFaces.Meeting);

        // The shown face differs from an unmasked reduction by the JPEG's own error only: under 3 levels on average.
        double meanShown = MeanAbsoluteDifference(rendition, plain, Scaled(faces[1], 0.5f), inside: true);
        Assert.IsLessThan(PixelThresholds.HighQualityEncodeAtMost, meanShown, $"the shown face is as in a plain reduction (mean difference {meanShown:F1})");
    }

    [TestMethod]
    public void Render_PixelsFarFromMasks_SameAsPlainDownscaleEncodedAlike()
    {
        var faces = RealFaces.Faces(RealFaces.Meeting);
        var rendition = Render(RealFaces.Meeting, [faces[0], faces[2]]);
        var plainEncoded = Render(RealFaces.Meeting, []);
        var masks = new[] { Scaled(faces[0], 0.5f), Scaled(faces[2], 0.5f) };

        int compared = 0;
        for (int y = 0; y < rendition.Height; y++)
        {
            for (int x = 0; x < rendition.Width; x++)
            {
                if (masks.Any(m => Near(m, x, y)))
                {
                    continue;
                }

                int o = ((y * rendition.Width) + x) * 3;
                Assert.IsTrue(
                    rendition.Pixels.AsSpan(o, 3).SequenceEqual(plainEncoded.Pixels.AsSpan(o, 3)),
                    $"pixel ({x},{y}), {FarFromMask}+ px from every mask, differs from the unmasked rendition");
                compared++;
            }
        }

        Assert.IsGreaterThan(rendition.Width * rendition.Height / 2, compared, "too few pixels far from the masks to compare");
    }

    [TestMethod]
    public void Render_FacePixelsChanged_OutputIdentical()
    {
        var faces = RealFaces.Faces(RealFaces.Meeting);
        var first = RealFaces.Pixels(RealFaces.Meeting);
        var second = first.Clone();
        var random = new Random(7);
        foreach (var region in FaceMasker.Plan([faces[0], faces[1]], Ingest.Mask))
        {
            Scramble(second, region, random);
        }

        var a = RenditionRenderer.Render(first, [faces[0], faces[1]], Half, Ingest.Mask).Value;
        var b = RenditionRenderer.Render(second, [faces[0], faces[1]], Half, Ingest.Mask).Value;

        CollectionAssert.AreEqual(a.Jpeg, b.Jpeg, "the rendition depends on the masked faces' own pixels");
    }

    [TestMethod]
    public void Render_PhotoLargerThanMax_LongSideReducedToMax()
    {
        var small = RealFaces.Pixels(RealFaces.Meeting);
        var large = ImageResampler.Resize(small, small.Width * 4, small.Height * 4);
        var faces = RealFaces.Faces(RealFaces.Meeting).Select(f => f with { X = f.X * 4, Y = f.Y * 4, Width = f.Width * 4, Height = f.Height * 4 }).ToArray();

        var rendition = RenditionRenderer.Render(large, faces, new RenditionOptions(), Ingest.Mask).Value;

        Assert.AreEqual(2048, rendition.Width);
        Assert.AreEqual((int)Math.Round(large.Height * 2048.0 / large.Width), rendition.Height);
        var decoded = Decode(rendition.Jpeg);
        Assert.AreEqual((2048, rendition.Height), (decoded.Width, decoded.Height));
    }

    [TestMethod]
    public void Render_PhotoSmallerThanMax_KeepsItsSize()
    {
        var rendition = RenditionRenderer.Render(RealFaces.Bytes(RealFaces.Meeting), [], new RenditionOptions(), Ingest).Value;
        var original = RealFaces.Pixels(RealFaces.Meeting);

        Assert.AreEqual((original.Width, original.Height), (rendition.Width, rendition.Height));
    }

    [TestMethod]
    public void Render_FineCheckerboard_ReducesToEvenGreyWithoutAliasing()
    {
        // One-pixel black and white squares, reduced 4x: an area average gives mid grey everywhere; point
        // sampling would give black or white (aliasing), a sign the reduction drops detail badly.
        var board = new RgbImage(2048, 1024);
        for (int y = 0; y < board.Height; y++)
        {
            for (int x = 0; x < board.Width; x++)
            {
                board.Pixels.AsSpan(((y * board.Width) + x) * 3, 3).Fill((x + y) % 2 == 0 ? (byte)0 : (byte)255);
            }
        }

        var rendition = Decode(RenditionRenderer.Render(board, [], Half, Ingest.Mask).Value.Jpeg);

        Assert.AreEqual(512, rendition.Width);
        int worst = rendition.Pixels.Max(p => Math.Abs(p - 128));
        Assert.IsLessThanOrEqualTo(3, worst, $"a reduced pixel is {worst} levels from mid grey");
    }

    [TestMethod]
    public void Render_CameraJpegWithGpsAndThumbnail_OutputCarriesNoMetadata()
    {
        var camera = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "gps", "DSCN0010.jpg"));
        Assert.IsNotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(camera)).OfType<GpsDirectory>(), "the sample lost its GPS");

        var rendition = RenditionRenderer.Render(camera, [], Half, Ingest).Value;

        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(rendition.Jpeg));
        Assert.IsEmpty(directories.OfType<ExifDirectoryBase>());
        Assert.IsEmpty(directories.OfType<GpsDirectory>());
        Assert.IsEmpty(directories.OfType<ExifThumbnailDirectory>());
    }

    [TestMethod]
    [DataRow(3)]
    [DataRow(6)]
    [DataRow(8)]
    public void Render_MasterWithAnExifOrientation_ComesOutUprightAsThePipelineReadsIt(int orientation)
    {
        // Faces are found on the upright picture, so a rendition must be upright too, whatever the file says.
        var file = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "orientation", $"landscape_{orientation}.jpg"));
        var upright = PhotoReader.ReadUpright(file, new IngestLimits()).Value.Image;
        var (w, h) = RenditionRenderer.SizeWithin(upright.Width, upright.Height, Half.MaxLongSide);

        var rendition = Decode(RenditionRenderer.Render(file, [], Half, Ingest).Value.Jpeg);

        Assert.AreEqual((w, h), (rendition.Width, rendition.Height));
        var plain = ImageResampler.Resize(upright, w, h);
        double mean = plain.Pixels.Zip(rendition.Pixels, (x, y) => Math.Abs(x - y)).Average();
        // JPEG's own error on this detailed photo is about 3.7 per channel at quality 85; the same picture turned
        // half-way round must differ far more, or this comparison could not tell a wrong orientation.
        Assert.IsLessThan(PixelThresholds.DetailedEncodeAtMost, mean, $"orientation {orientation}: the rendition is the upright reduction (mean difference {mean:F1})");
        var turned = MediaGate.Ingest.Orient.Orientation.ApplyExif(plain.Clone(), 3);
        double turnedMean = turned.Pixels.Zip(rendition.Pixels, (x, y) => Math.Abs(x - y)).Average();
        Assert.IsGreaterThan(PixelThresholds.TurnedAtLeast, turnedMean, $"a picture turned half-way round is told apart from the rendition (mean difference {turnedMean:F1})");
    }

    [TestMethod]
    public void Render_NotAnImage_FailsWithUnknownFormat()
    {
        var outcome = RenditionRenderer.Render("not a photo of anyone"u8, [], Half, Ingest);

        Assert.AreEqual(IngestFailureKind.UnknownFormat, outcome.Failure?.Kind);
    }

    [TestMethod]
    public void Render_TruncatedMaster_FailsWithoutOutput()
    {
        var master = RealFaces.Bytes(RealFaces.Meeting);

        var outcome = RenditionRenderer.Render(master.AsSpan(0, master.Length / 2), [], Half, Ingest);

        Assert.AreEqual(IngestFailureKind.Corrupt, outcome.Failure?.Kind);
    }

    [TestMethod]
    public void Render_FaceOutsideThePicture_FailsRatherThanReleasing()
    {
        var outcome = RenditionRenderer.Render(RealFaces.Bytes(RealFaces.Meeting), [new DetectedFace(5000, 40, 100, 100, 0.9f, false)], Half, Ingest);

        Assert.AreEqual(IngestFailureKind.Corrupt, outcome.Failure?.Kind);
        Assert.Contains("not inside", outcome.Failure!.Message);
    }

    [TestMethod]
    public void Render_FaceWithNaNBox_FailsRatherThanReleasing()
    {
        var outcome = RenditionRenderer.Render(RealFaces.Bytes(RealFaces.Meeting), [new DetectedFace(float.NaN, 40, 100, 100, 0.9f, false)], Half, Ingest);

        Assert.IsFalse(outcome.IsSuccess);
    }

    [TestMethod]
    [DataRow(4000, 3000, 2048, 2048, 1536)]
    [DataRow(3000, 4000, 2048, 1536, 2048)]
    [DataRow(2048, 10, 2048, 2048, 10)]
    [DataRow(20000, 3, 2048, 2048, 1)]
    [DataRow(800, 600, 2048, 800, 600)]
    public void SizeWithin_GivenSize_KeepsAspectWithinMax(int width, int height, int max, int expectedWidth, int expectedHeight)
    {
        Assert.AreEqual((expectedWidth, expectedHeight), RenditionRenderer.SizeWithin(width, height, max));
    }

    private static RgbImage Render(string photo, IReadOnlyList<DetectedFace> masked) =>
        Decode(RenditionRenderer.Render(RealFaces.Bytes(photo), masked, Half, Ingest).Value.Jpeg);

    private static RgbImage PlainDownscale(string photo)
    {
        var image = RealFaces.Pixels(photo);
        var (w, h) = RenditionRenderer.SizeWithin(image.Width, image.Height, Half.MaxLongSide);
        return ImageResampler.Resize(image, w, h);
    }

    private static RgbImage Decode(byte[] jpeg) => PhotoReader.ReadUpright(jpeg, new IngestLimits()).Value.Image;

    private static DetectedFace Scaled(DetectedFace face, float scale) =>
        face with { X = face.X * scale, Y = face.Y * scale, Width = face.Width * scale, Height = face.Height * scale };

    /// <summary>Within <see cref="FarFromMask"/> px of the face's mask box (1.5x the face, the default margin).</summary>
    private static bool Near(DetectedFace face, int x, int y)
    {
        float cx = face.X + (face.Width / 2), cy = face.Y + (face.Height / 2);
        float hw = (face.Width * 0.75f) + FarFromMask, hh = (face.Height * 0.75f) + FarFromMask;
        return Math.Abs(x + 0.5f - cx) <= hw && Math.Abs(y + 0.5f - cy) <= hh;
    }

    private static double MeanAbsoluteDifference(RgbImage a, RgbImage b, DetectedFace box, bool inside)
    {
        long sum = 0, count = 0;
        for (int y = 0; y < a.Height; y++)
        {
            for (int x = 0; x < a.Width; x++)
            {
                bool within = x >= box.X && x < box.X + box.Width && y >= box.Y && y < box.Y + box.Height;
                if (within != inside)
                {
                    continue;
                }

                int o = ((y * a.Width) + x) * 3;
                for (int c = 0; c < 3; c++)
                {
                    sum += Math.Abs(a.Pixels[o + c] - b.Pixels[o + c]);
                    count++;
                }
            }
        }

        return (double)sum / count;
    }

    private static void Scramble(RgbImage image, MaskRegion region, Random random)
    {
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                if (region.Contains(x, y))
                {
                    random.NextBytes(image.Pixels.AsSpan(((y * image.Width) + x) * 3, 3));
                }
            }
        }
    }
}
