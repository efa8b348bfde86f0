using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Decode;

[TestClass]
public sealed class PhotoReaderTests
{
    private static readonly IngestLimits Limits = new();

    private static string Orientation(string name) => Path.Combine(TestPaths.ExifSamples, "jpg", "orientation", name);

    [TestMethod]
    public void ReadUpright_CameraJpeg_DecodesAtHeaderSize()
    {
        var photo = PhotoReader.ReadUpright(File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg")), Limits);

        Assert.IsTrue(photo.IsSuccess, photo.Failure?.ToString());
        Assert.AreEqual(ImageFormat.Jpeg, photo.Value.Header.Format);
        Assert.AreEqual(photo.Value.Header.Width, photo.Value.Image.Width);
        Assert.AreEqual(photo.Value.Header.Height, photo.Value.Image.Height);
    }

    [TestMethod]
    public void ReadUpright_PngWithJpgNameInMemory_ReadsAsPng()
    {
        var png = SyntheticImages.Png(SyntheticImages.Quadrants(40, 30));

        var photo = PhotoReader.ReadUpright(png, Limits);

        Assert.IsTrue(photo.IsSuccess, photo.Failure?.ToString());
        Assert.AreEqual(ImageFormat.Png, photo.Value.Header.Format);
        Assert.AreEqual(0, SyntheticImages.MaxDifference(SyntheticImages.Quadrants(40, 30), photo.Value.Image));
    }

    [TestMethod]
    public void ReadUpright_EveryOrientationFile_MatchesOrientationOneUpright()
    {
        foreach (var shape in new[] { "landscape", "portrait" })
        {
            var reference = PhotoReader.ReadUpright(File.ReadAllBytes(Orientation($"{shape}_1.jpg")), Limits).Value.Image;
            for (var orientation = 2; orientation <= 8; orientation++)
            {
                var photo = PhotoReader.ReadUpright(File.ReadAllBytes(Orientation($"{shape}_{orientation}.jpg")), Limits);

                Assert.IsTrue(photo.IsSuccess, photo.Failure?.ToString());
                Assert.AreEqual(orientation, photo.Value.Header.Orientation, $"{shape}_{orientation}");
                // Each file shows its own number, so even upright they differ from _1 by about 14-16 levels on
                // average; every wrong rotation or mirror of them differs by 43 or more (measured).
                var mean = SyntheticImages.MeanDifference(reference, photo.Value.Image);
                Assert.IsLessThan(PixelThresholds.SameSampleUprightAtMost, mean, $"{shape}_{orientation}: mean difference {mean:F2} from {shape}_1");
            }
        }
    }

    [TestMethod]
    public void ReadUpright_EmptyInput_FailsEmpty()
    {
        var photo = PhotoReader.ReadUpright([], Limits);

        Assert.AreEqual(IngestFailureKind.Empty, photo.Failure?.Kind);
    }
    [TestMethod]
    public void ReadUpright_WithinASizeOnARotatedJpeg_DecodesInTheDctAndKeepsTheFullSizeHeader()
    {
        // Stored 450x600 with orientation 6: upright 600x450. Read for 300 px, the decode is at 4/8.
        var bytes = File.ReadAllBytes(Orientation("landscape_6.jpg"));

        var photo = PhotoReader.ReadUpright(bytes, Limits, maxSide: 300);

        Assert.IsTrue(photo.IsSuccess, photo.Failure?.ToString());
        Assert.AreEqual((600, 450), (photo.Value.Header.UprightWidth, photo.Value.Header.UprightHeight));
        Assert.AreEqual((300, 225), (photo.Value.Image.Width, photo.Value.Image.Height));
        Assert.AreEqual(300L * 225, PhotoReader.DecodedPixelsWithin(photo.Value.Header, 300));

        // The same picture as a whole decode reduced to that size, up to the two reductions' difference.
        var whole = PhotoReader.ReadUpright(bytes, Limits).Value.Image;
        var reduced = MediaGate.Ingest.Detect.ImageResampler.Resize(whole, 300, 225);
        var mean = SyntheticImages.MeanDifference(reduced, photo.Value.Image);
        Assert.IsLessThan(PixelThresholds.RecoveredDecodeAtMost, mean, $"mean difference {mean:F2} from a whole decode reduced");
    }

    [TestMethod]
    public void ReadUpright_WithinASizeItAlreadyFits_DecodesWhole()
    {
        var bytes = File.ReadAllBytes(Orientation("landscape_6.jpg"));

        var photo = PhotoReader.ReadUpright(bytes, Limits, maxSide: 600);

        Assert.AreEqual((600, 450), (photo.Value.Image.Width, photo.Value.Image.Height));
        Assert.AreEqual(0, SyntheticImages.MaxDifference(PhotoReader.ReadUpright(bytes, Limits).Value.Image, photo.Value.Image));
    }

    [TestMethod]
    public void ReadUpright_WithinASizeOnAPng_DecodesWhole()
    {
        var png = SyntheticImages.Png(SyntheticImages.Quadrants(400, 300));

        var photo = PhotoReader.ReadUpright(png, Limits, maxSide: 100);

        Assert.AreEqual(0, SyntheticImages.MaxDifference(SyntheticImages.Quadrants(400, 300), photo.Value.Image));
        Assert.AreEqual(400L * 300, PhotoReader.DecodedPixelsWithin(photo.Value.Header, 100));
    }
}
