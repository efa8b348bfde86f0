using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;

namespace MediaGate.Ingest.Tests.Mask;

[TestClass]
public sealed class MaskYieldTests
{
    private static readonly DetectedFace ShownFace = new(40, 30, 40, 40, 0.99f, false);

    // A faint detection beside the shown face: its 1.5x mask reaches 10 px into the shown face's box.
    private static readonly DetectedFace FaintBeside = new(90, 30, 40, 40, 0.45f, true);

    // A child masked for consent, overlapping the shown face's box as well.
    private static readonly DetectedFace MaskedChild = new(20, 60, 30, 30, 0.95f, false);

    [TestMethod]
    public void Restore_FaintMaskBesideAShownFace_LeavesTheShownFaceAsItWas()
    {
        var original = Noise(160, 120, seed: 1);
        var image = Copy(original);

        Mask(image, [FaintBeside], [true], [ShownFace]);

        for (int y = 30; y < 70; y++)
        {
            for (int x = 40; x < 80; x++)
            {
                Assert.AreEqual(Pixel(original, x, y), Pixel(image, x, y), $"shown face pixel ({x}, {y}) is as in the master");
            }
        }

        var regions = FaceMasker.Plan([FaintBeside], new MaskOptions());
        Assert.IsTrue(regions[0].Contains(82, 50), "the faint mask reaches into the shown box (so the test can fail)");
        Assert.AreNotEqual(Pixel(original, 100, 50), Pixel(image, 100, 50), "the faint detection itself is still masked");
    }

    [TestMethod]
    public void Restore_ChildMaskedForConsentOverAShownFace_StaysMaskedWhateverItsPixels()
    {
        // Two masters that differ only inside the masks: the output inside the consent mask must not differ, also
        // where it overlaps the shown face's box (a masked child never yields).
        var first = Noise(160, 120, seed: 2);
        var second = Copy(first);
        var regions = FaceMasker.Plan([FaintBeside, MaskedChild], new MaskOptions());
        var scramble = new Random(3);
        for (int y = 0; y < 120; y++)
        {
            for (int x = 0; x < 160; x++)
            {
                if (regions[1].Contains(x, y))
                {
                    int at = ((y * 160) + x) * 3;
                    second.Pixels[at] = (byte)scramble.Next(256);
                }
            }
        }

        Mask(first, [FaintBeside, MaskedChild], [true, false], [ShownFace]);
        Mask(second, [FaintBeside, MaskedChild], [true, false], [ShownFace]);

        int overlap = 0;
        for (int y = 30; y < 70; y++)
        {
            for (int x = 40; x < 80; x++)
            {
                if (regions[1].Contains(x, y))
                {
                    overlap++;
                    Assert.AreEqual(Pixel(first, x, y), Pixel(second, x, y), $"({x}, {y}) is the masked child's: it carries nothing of its pixels");
                }
            }
        }

        Assert.IsGreaterThan(0, overlap, "the consent mask overlaps the shown box (so the test can fail)");
    }

    private static void Mask(RgbImage image, DetectedFace[] faces, bool[] yields, DetectedFace[] shown)
    {
        var regions = FaceMasker.Plan(faces, new MaskOptions());
        var keep = new MaskYield(yields, shown);
        var saved = keep.Save(image, regions);
        FaceMasker.Apply(image, regions);
        keep.Restore(image, regions, saved);
    }

    private static RgbImage Noise(int width, int height, int seed)
    {
        var image = new RgbImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }

    private static RgbImage Copy(RgbImage image)
    {
        var copy = new RgbImage(image.Width, image.Height);
        image.Pixels.CopyTo(copy.Pixels, 0);
        return copy;
    }

    private static (byte, byte, byte) Pixel(RgbImage image, int x, int y)
    {
        int at = ((y * image.Width) + x) * 3;
        return (image.Pixels[at], image.Pixels[at + 1], image.Pixels[at + 2]);
    }
}
