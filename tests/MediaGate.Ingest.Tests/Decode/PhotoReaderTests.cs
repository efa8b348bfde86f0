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
}
