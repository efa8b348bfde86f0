using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class ImageResamplerTests
{
    [TestMethod]
    public void Resize_UniformColourDownAndUp_StaysUniform()
    {
        var source = Filled(97, 61, 200, 100, 30);

        foreach (var (w, h) in new[] { (13, 9), (40, 25), (250, 170) })
        {
            var resized = ImageResampler.Resize(source, w, h);

            Assert.AreEqual(w, resized.Width);
            Assert.AreEqual(h, resized.Height);
            for (var i = 0; i < resized.Pixels.Length; i += 3)
            {
                Assert.AreEqual((byte)200, resized.Pixels[i]);
                Assert.AreEqual((byte)100, resized.Pixels[i + 1]);
                Assert.AreEqual((byte)30, resized.Pixels[i + 2]);
            }
        }
    }

    [TestMethod]
    public void ResizeRegion_IsTheSameAsResizingACopyOfTheRegion()
    {
        // A gradient picture, so that a wrong offset changes every pixel.
        var source = new RgbImage(40, 30);
        for (var i = 0; i < source.Pixels.Length; i++)
        {
            source.Pixels[i] = (byte)((i * 7) % 251);
        }

        var region = new PixelRect(5, 7, 20, 16);
        var copy = new RgbImage(region.Width, region.Height);
        for (var y = 0; y < region.Height; y++)
        {
            source.Row(region.Y + y).Slice(region.X * 3, region.Width * 3).CopyTo(copy.Row(y));
        }

        CollectionAssert.AreEqual(ImageResampler.Resize(copy, 9, 7).Pixels, ImageResampler.ResizeRegion(source, region, 9, 7).Pixels);
        CollectionAssert.AreEqual(ImageResampler.Resize(copy, 31, 25).Pixels, ImageResampler.ResizeRegion(source, region, 31, 25).Pixels);
    }

    [TestMethod]
    public void Resize_Enlarging_EveryPixelIsTheBilinearBlendOfItsTwoByTwoSourcePixels()
    {
        // The enlarging pass has its own loop (two taps a column); each output pixel must be exactly the separable
        // blend the weight tables give: vertical first, then horizontal, rounded once.
        var source = new RgbImage(37, 23);
        for (var i = 0; i < source.Pixels.Length; i++)
        {
            source.Pixels[i] = (byte)((i * 131) % 256);
        }

        foreach (var (w, h) in new[] { (74, 46), (41, 60), (100, 23) })
        {
            var resized = ImageResampler.Resize(source, w, h);
            var columns = ImageResampler.Weights(source.Width, w);
            var rows = ImageResampler.Weights(source.Height, h);
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        float value = 0f;
                        for (var k = 0; k < columns[x].Weights.Length; k++)
                        {
                            float vertical = 0f;
                            for (var j = 0; j < rows[y].Weights.Length; j++)
                            {
                                vertical += rows[y].Weights[j] * source.Row(rows[y].First + j)[((columns[x].First + k) * 3) + c];
                            }

                            value += columns[x].Weights[k] * vertical;
                        }

                        var expected = (byte)Math.Clamp((int)(value + 0.5f), 0, 255);
                        Assert.AreEqual(expected, resized.Row(y)[(x * 3) + c], $"{w}x{h}: pixel ({x}, {y}) channel {c} is the blend of its source pixels");
                    }
                }
            }
        }
    }

    [TestMethod]
    public void ResizeRegion_OutsideThePicture_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageResampler.ResizeRegion(new RgbImage(10, 10), new PixelRect(5, 5, 6, 2), 3, 3));
    }

    [TestMethod]
    public void Resize_HalfSize_AveragesEachTwoByTwoBlock()
    {
        // One 2x2 block: 0, 100, 200, 100 -> mean 100 in every channel.
        var source = new RgbImage(2, 2, [0, 0, 0, 100, 100, 100, 200, 200, 200, 100, 100, 100]);

        var resized = ImageResampler.Resize(source, 1, 1);

        CollectionAssert.AreEqual(new byte[] { 100, 100, 100 }, resized.Pixels);
    }

    [TestMethod]
    public void Resize_ThinLineShrunkSixTimes_IsStillVisible()
    {
        // A one-pixel dark line in a light 60 px image: sampling one pixel in six could skip it; an area average cannot.
        var source = Filled(60, 60, 255, 255, 255);
        for (var y = 0; y < 60; y++)
        {
            source.Row(y).Slice(31 * 3, 3).Clear();
        }

        var resized = ImageResampler.Resize(source, 10, 10);

        Assert.IsTrue(resized.Row(0)[5 * 3] < 240, $"column 5 is {resized.Row(0)[5 * 3]}");
    }

    [TestMethod]
    public void Resize_SameSize_ReturnsSourceWithoutCopy()
    {
        var source = Filled(8, 8, 1, 2, 3);

        Assert.AreSame(source, ImageResampler.Resize(source, 8, 8));
    }

    [TestMethod]
    public void Weights_EveryOutputSample_SumsToOne()
    {
        foreach (var (from, to) in new[] { (4000, 640), (1024, 2048), (7, 3), (1, 5) })
        {
            foreach (var (_, weights) in ImageResampler.Weights(from, to))
            {
                Assert.AreEqual(1f, weights.Sum(), 1e-4f, $"{from} -> {to}");
            }
        }
    }

    [TestMethod]
    public void AccumulateRow_VectorisedAndTailElements_MatchScalarSum()
    {
        // 1000 bytes: whole vectors plus a tail that the scalar loop finishes.
        var row = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        var sum = Enumerable.Range(0, 1000).Select(i => i * 0.5f).ToArray();

        ImageResampler.AccumulateRow(row, 0.25f, sum);

        for (var i = 0; i < row.Length; i++)
        {
            Assert.AreEqual((i * 0.5f) + (0.25f * row[i]), sum[i], 1e-3f, $"element {i}");
        }
    }

    private static RgbImage Filled(int width, int height, byte r, byte g, byte b)
    {
        var image = new RgbImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i += 3)
        {
            image.Pixels[i] = r;
            image.Pixels[i + 1] = g;
            image.Pixels[i + 2] = b;
        }

        return image;
    }
}
