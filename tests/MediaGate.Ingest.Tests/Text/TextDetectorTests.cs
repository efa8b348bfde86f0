using MediaGate.Ingest.Mask;
using MediaGate.Ingest.Tests.Detect;
using MediaGate.Ingest.Text;
using MediaGate.Testing.Text;

namespace MediaGate.Ingest.Tests.Text;

/// <summary>issue 15: the PP-OCRv4 detector through ONNX Runtime, on names painted with Debian's fonts.</summary>
[TestClass]
public sealed class TextDetectorTests
{
    private static readonly Lazy<TextDetector> Detector = new(() => TextDetector.Open(DetectTestData.Registry).Value);

    [ClassCleanup]
    public static void Cleanup()
    {
        if (Detector.IsValueCreated)
        {
            Detector.Value.Dispose();
        }
    }

    [TestMethod]
    public void Open_InstalledRegistry_OpensTheManifestsTextModelWithItsThresholds()
    {
        Assert.AreEqual("ppocr-v4-det", Detector.Value.Name);
        Assert.AreEqual(0.5f, Detector.Value.Settings.BoxThreshold);
        Assert.AreEqual(2048, Detector.Value.Settings.MaxSide);
    }

    [TestMethod]
    public void Detect_NamesPaintedOnAPhoto_MasksCoverEachName()
    {
        var photo = DetectTestData.Sample("coffee.png");
        using var painter = new NamePainter(seed: 15);
        var names = new List<RenderedName>
        {
            painter.Paint(photo.Pixels, photo.Width, photo.Height, "Amelia", 150, 90, 20, 12, 0.05, fontIndex: 0),
            painter.Paint(photo.Pixels, photo.Width, photo.Height, "OSCAR", 380, 320, 14, -25, 0.1, fontIndex: 5),
        };

        var regions = Detector.Value.Detect(photo).Value;
        var masks = FaceMasker.Plan(TextMasks.AsMaskBoxes(regions, 1.5), new MaskOptions { Margin = 1.5 });

        foreach (var name in names)
        {
            Assert.IsGreaterThanOrEqualTo(0.9, Covered(name, masks, photo.Width, photo.Height), $"{name.Text}: regions {string.Join("; ", regions)}");
        }
    }

    [TestMethod]
    public void Detect_PlainPicture_FindsNoText()
    {
        var plain = new RgbImage(640, 480);
        Array.Fill(plain.Pixels, (byte)170);

        Assert.IsEmpty(Detector.Value.Detect(plain).Value);
    }

    [TestMethod]
    public void Detect_RegionsInPixelsOfThePictureGiven_NotOfTheTensor()
    {
        var photo = DetectTestData.Sample("coffee.png");
        using var painter = new NamePainter(seed: 3);
        var name = painter.Paint(photo.Pixels, photo.Width, photo.Height, "THEO", 200, 200, 24, 0, 0, fontIndex: 1);
        var regions = Detector.Value.Detect(photo).Value;

        var (x0, y0, x1, y1) = name.Bounds(photo.Width, photo.Height);
        Assert.IsTrue(regions.Any(r => r.X <= x0 + 4 && r.Y <= y0 + 4 && r.X + r.Width >= x1 - 4 && r.Y + r.Height >= y1 - 4), string.Join("; ", regions));
    }

    /// <summary>The share of the word's quadrilateral inside some mask.</summary>
    internal static double Covered(RenderedName name, IReadOnlyList<MaskRegion> masks, int width, int height)
    {
        var (x0, y0, x1, y1) = name.Bounds(width, height);
        int inside = 0, covered = 0;
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                if (name.Contains(x, y))
                {
                    inside++;
                    covered += masks.Any(m => m.Contains(x, y)) ? 1 : 0;
                }
            }
        }

        return inside == 0 ? 0 : (double)covered / inside;
    }
}
