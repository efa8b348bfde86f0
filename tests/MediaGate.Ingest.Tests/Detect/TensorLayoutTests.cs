using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class TensorLayoutTests
{
    // 3 x 2 image, pixel (x, y) = (10x + y, 100 + x, 200 + y).
    private static readonly RgbImage Image = Make();

    [TestMethod]
    public void WriteNchwBgr_Window_PlanesAreBlueGreenRedAndPaddingIsZero()
    {
        var tensor = new float[3 * 4 * 3];

        TensorLayout.WriteNchwBgr(Image, new PixelRect(1, 0, 2, 2), 4, 3, tensor);

        var plane = 4 * 3;
        // Tensor (0, 0) is image pixel (1, 0): R 10, G 101, B 200.
        Assert.AreEqual(200f, tensor[0]);
        Assert.AreEqual(101f, tensor[plane]);
        Assert.AreEqual(10f, tensor[2 * plane]);
        // Tensor (1, 1) is image pixel (2, 1): R 21, G 102, B 201.
        Assert.AreEqual(201f, tensor[4 + 1]);
        Assert.AreEqual(21f, tensor[(2 * plane) + 4 + 1]);
        // Column 2 and row 2 lie outside the window: black.
        Assert.AreEqual(0f, tensor[2]);
        Assert.AreEqual(0f, tensor[(2 * plane) + 8]);
    }

    [TestMethod]
    public void WriteNchwBgr_WideWindowInAReusedTensor_EveryPixelInItsPlaneAndPaddingZero()
    {
        // 37 pixels wide: two 16-pixel vector steps and a scalar tail; the tensor starts full of garbage, as a pooled one does.
        var image = new RgbImage(40, 3);
        new Random(5).NextBytes(image.Pixels);
        var tensor = Enumerable.Repeat(-7f, 3 * 48 * 4).ToArray();

        TensorLayout.WriteNchwBgr(image, new PixelRect(2, 1, 37, 2), 48, 4, tensor);

        var plane = 48 * 4;
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 48; x++)
            {
                var inside = x < 37 && y < 2;
                var pixel = inside ? image.Row(1 + y).Slice((2 + x) * 3, 3).ToArray() : [0, 0, 0];
                var at = (y * 48) + x;
                Assert.AreEqual((float)pixel[2], tensor[at], $"blue at ({x}, {y})");
                Assert.AreEqual((float)pixel[1], tensor[plane + at], $"green at ({x}, {y})");
                Assert.AreEqual((float)pixel[0], tensor[(2 * plane) + at], $"red at ({x}, {y})");
            }
        }
    }

    [TestMethod]
    public void WriteNhwcSignedRgb_Window_IsInterleavedRgbInMinusOneToOne()
    {
        var image = new RgbImage(2, 1, [0, 255, 51, 0, 0, 0]);
        var tensor = new float[3 * 3 * 2];
        Array.Fill(tensor, 9f);

        TensorLayout.WriteNhwcSignedRgb(image, new PixelRect(0, 0, 1, 1), 3, 2, tensor);

        Assert.AreEqual(-1f, tensor[0], 1e-6f);
        Assert.AreEqual(1f, tensor[1], 1e-6f);
        Assert.AreEqual(-0.6f, tensor[2], 1e-6f);
        // Everything outside the window is padding: 0, mid grey.
        Assert.IsTrue(tensor.Skip(3).All(v => v == 0f));
    }

    [TestMethod]
    public void WriteNchwBgr_WindowOutsideImage_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TensorLayout.WriteNchwBgr(Image, new PixelRect(2, 0, 2, 2), 4, 4, new float[48]));
    }

    private static RgbImage Make()
    {
        var image = new RgbImage(3, 2);
        for (var y = 0; y < 2; y++)
        {
            for (var x = 0; x < 3; x++)
            {
                var p = image.Row(y).Slice(x * 3, 3);
                p[0] = (byte)((10 * x) + y);
                p[1] = (byte)(100 + x);
                p[2] = (byte)(200 + y);
            }
        }

        return image;
    }
}
