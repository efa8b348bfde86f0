using MediaGate.Ingest.Text;

namespace MediaGate.Ingest.Tests.Text;

/// <summary>issue 15: the probability map turned into boxes (threshold, connected regions, unclip, minimum size, bounds).</summary>
[TestClass]
public sealed class TextBoxesTests
{
    private static readonly TextDetectorSettings Settings = TextDetectorSettings.Default;

    [TestMethod]
    public void FromProbabilityMap_TwoSeparateBlobs_TwoBoxes()
    {
        var map = new float[100 * 50];
        Blob(map, 100, 10, 10, 20, 6, 0.9f);
        Blob(map, 100, 60, 30, 30, 8, 0.8f);

        var boxes = TextBoxes.FromProbabilityMap(map, 100, 50, Settings)!;

        Assert.HasCount(2, boxes);
    }

    [TestMethod]
    public void FromProbabilityMap_Blob_GrowsByAreaTimesRatioOverPerimeter()
    {
        var map = new float[100 * 50];
        Blob(map, 100, 20, 20, 40, 10, 0.9f);

        var box = TextBoxes.FromProbabilityMap(map, 100, 50, Settings)!.Single();

        float grow = 40 * 10 * Settings.UnclipRatio / (2f * (40 + 10));
        Assert.AreEqual(20 - grow, box.X, 1e-3);
        Assert.AreEqual(40 + (2 * grow), box.Width, 1e-3);
        Assert.AreEqual(10 + (2 * grow), box.Height, 1e-3);
    }

    [TestMethod]
    public void FromProbabilityMap_FaintBlob_DroppedByTheBoxThreshold()
    {
        var map = new float[100 * 50];
        Blob(map, 100, 20, 20, 40, 10, 0.4f);

        Assert.IsEmpty(TextBoxes.FromProbabilityMap(map, 100, 50, Settings)!);
    }

    [TestMethod]
    public void FromProbabilityMap_LineThinnerThanMinSide_Dropped()
    {
        var map = new float[100 * 50];
        Blob(map, 100, 10, 10, 60, Settings.MinSide - 1, 0.95f);

        Assert.IsEmpty(TextBoxes.FromProbabilityMap(map, 100, 50, Settings)!);
    }

    [TestMethod]
    public void FromProbabilityMap_MoreRegionsThanTheCap_NullSoTheCallerFailsClosed()
    {
        var map = new float[200 * 200];
        for (int y = 0; y < 200; y += 10)
        {
            for (int x = 0; x < 200; x += 10)
            {
                Blob(map, 200, x, y, 4, 4, 0.9f);
            }
        }

        Assert.IsNotNull(TextBoxes.FromProbabilityMap(map, 200, 200, Settings));
        Assert.IsNull(TextBoxes.FromProbabilityMap(map, 200, 200, Settings with { MaxRegions = 100 }));
    }

    [TestMethod]
    public void TensorSize_LargePhoto_LongSide2048AndMultiplesOf32()
    {
        var (w, h) = Settings.TensorSize(4000, 3000);

        Assert.AreEqual((2048, 1536), (w, h));
    }

    [TestMethod]
    public void TensorSize_VeryLongPanorama_StaysWithinThePixelCap()
    {
        var settings = Settings with { MaxPixels = 1_000_000 };

        var (w, h) = settings.TensorSize(2048, 2048);

        Assert.IsLessThanOrEqualTo(1_000_000L, (long)w * h);
        Assert.AreEqual(0, w % 32);
        Assert.AreEqual(0, h % 32);
    }

    [TestMethod]
    public void FromManifest_RepositoryManifest_ReadsTheTextThresholds()
    {
        var settings = TextDetectorSettings.FromManifest(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "models", "manifest.json")), "ppocr-v4-det");

        Assert.AreEqual(Settings, settings.Value);
    }

    private static void Blob(float[] map, int width, int x0, int y0, int w, int h, float p)
    {
        for (int y = y0; y < y0 + h; y++)
        {
            map.AsSpan((y * width) + x0, w).Fill(p);
        }
    }
}
