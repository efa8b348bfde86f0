using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Interop;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Decode;

[TestClass]
public sealed class ImageDecoderTests
{
    private static readonly IngestLimits Limits = new();

    private static Outcome<RgbImage> InspectAndDecode(byte[] bytes)
    {
        var header = InputGuard.Inspect(bytes, Limits);
        return header.IsSuccess ? ImageDecoder.Decode(bytes, header.Value) : Outcome<RgbImage>.Fail(header.Failure);
    }

    private static void AssertPixel(RgbImage image, int x, int y, int r, int g, int b, int tolerance)
    {
        var row = image.Row(y);
        var actual = (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]);
        Assert.IsTrue(
            Math.Abs(actual.Item1 - r) <= tolerance && Math.Abs(actual.Item2 - g) <= tolerance && Math.Abs(actual.Item3 - b) <= tolerance,
            $"pixel ({x},{y}) is {actual}, expected ({r}, {g}, {b}) within {tolerance}");
    }

    [TestMethod]
    public void Decode_PngWithAlpha_FlattensOntoWhite()
    {
        // Three pixels of pure red at alpha 0, 128 and 255.
        byte[] rgba = [255, 0, 0, 0, 255, 0, 0, 128, 255, 0, 0, 255];
        var png = SyntheticImages.Png(rgba, 3, 1, LibPng.FormatRgba);

        var image = InspectAndDecode(png);

        Assert.IsTrue(image.IsSuccess, image.Failure?.ToString());
        AssertPixel(image.Value, 0, 0, 255, 255, 255, 0);
        AssertPixel(image.Value, 2, 0, 255, 0, 0, 0);
        // Half-transparent red on white: libpng composites in linear light, so green/blue land near 188, not 127.
        AssertPixel(image.Value, 1, 0, 255, 188, 188, 8);
    }

    [TestMethod]
    public void Decode_SixteenBitPng_DecodesToEightBit()
    {
        // PNG_FORMAT_LINEAR_RGB writes 16 bits per channel; full scale and zero survive exactly.
        var samples = new ushort[] { 65535, 0, 0, 0, 65535, 0, 0, 0, 65535, 65535, 65535, 65535 };
        var bytes = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        var png = SyntheticImages.Png(bytes, 2, 2, 0x06);
        Assert.AreEqual(16, png[24], "test setup: the PNG is 16-bit");

        var image = InspectAndDecode(png);

        Assert.IsTrue(image.IsSuccess, image.Failure?.ToString());
        AssertPixel(image.Value, 0, 0, 255, 0, 0, 0);
        AssertPixel(image.Value, 1, 0, 0, 255, 0, 0);
        AssertPixel(image.Value, 0, 1, 0, 0, 255, 0);
        AssertPixel(image.Value, 1, 1, 255, 255, 255, 0);
    }

    [TestMethod]
    public void Decode_GrayscalePng_RepeatsGrayIntoRgb()
    {
        var png = SyntheticImages.Png([0, 100, 200, 255], 4, 1, 0x00);

        var image = InspectAndDecode(png);

        Assert.IsTrue(image.IsSuccess, image.Failure?.ToString());
        AssertPixel(image.Value, 1, 0, 100, 100, 100, 0);
        AssertPixel(image.Value, 2, 0, 200, 200, 200, 0);
    }

    [TestMethod]
    public void Decode_LosslessWebPWithAlpha_ExactAndFlattenedOntoWhite()
    {
        byte[] rgba = [10, 20, 30, 255, 0, 0, 255, 0];
        var webp = SyntheticImages.WebPLossless(rgba, 2, 1);

        var image = InspectAndDecode(webp);

        Assert.IsTrue(image.IsSuccess, image.Failure?.ToString());
        AssertPixel(image.Value, 0, 0, 10, 20, 30, 0);
        AssertPixel(image.Value, 1, 0, 255, 255, 255, 0);
    }

    [TestMethod]
    public void Decode_LossyWebP_CloseToSource()
    {
        var source = SyntheticImages.Quadrants(64, 48);
        var webp = SyntheticImages.WebPLossy(source, 90);

        var image = InspectAndDecode(webp);

        Assert.IsTrue(image.IsSuccess, image.Failure?.ToString());
        Assert.IsLessThan(PixelThresholds.EncodedAtMost, SyntheticImages.MeanDifference(source, image.Value));
    }

    [TestMethod]
    public void Decode_ProgressiveGrayscaleAndCmykJpeg_Decode()
    {
        var source = SyntheticImages.Quadrants(48, 32);

        var progressive = InspectAndDecode(TurboJpegTestEncoder.Encode(source.Pixels, 48, 32, TurboJpeg.PixelFormatRgb, 2, progressive: true));
        var gray = InspectAndDecode(TurboJpegTestEncoder.Encode(source.Pixels, 48, 32, TurboJpeg.PixelFormatRgb, 3, progressive: false));
        var cmykPixels = Enumerable.Range(0, 48 * 32).SelectMany(_ => new byte[] { 255, 0, 0, 255 }).ToArray();
        var cmyk = InspectAndDecode(TurboJpegTestEncoder.Encode(cmykPixels, 48, 32, TurboJpeg.PixelFormatCmyk, 0, progressive: false));

        Assert.IsTrue(progressive.IsSuccess, progressive.Failure?.ToString());
        Assert.IsLessThan(PixelThresholds.EncodedAtMost, SyntheticImages.MeanDifference(source, progressive.Value));
        Assert.IsTrue(gray.IsSuccess, gray.Failure?.ToString());
        var g = gray.Value.Row(5);
        Assert.IsTrue(g[0] == g[1] && g[1] == g[2], "a grayscale JPEG decodes to equal channels");
        Assert.IsTrue(cmyk.IsSuccess, cmyk.Failure?.ToString());
        // Inverted (Adobe) CMYK: C=255, M=0, Y=0, K=255 stored means no cyan, full magenta and yellow, no black: red.
        AssertPixel(cmyk.Value, 10, 10, 255, 0, 0, 4);
    }

    [TestMethod]
    public void Decode_HeicCorpus_DecodesAtHeaderSize()
    {
        var files = System.IO.Directory.GetFiles(Path.Combine(TestPaths.ExifSamples, "heic"), "*", SearchOption.AllDirectories);
        Assert.IsNotEmpty(files, "the HEIC corpus is there (an empty folder would pass this test)");
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var header = InputGuard.Inspect(bytes, Limits);
            Assert.IsTrue(header.IsSuccess, $"{file}: {header.Failure}");

            var image = ImageDecoder.Decode(bytes, header.Value);

            Assert.IsTrue(image.IsSuccess, $"{file}: {image.Failure}");
            Assert.AreEqual(header.Value.Width, image.Value.Width);
            Assert.AreEqual(header.Value.Height, image.Value.Height);
        }
    }

    [TestMethod]
    public void Decode_TiffCorpus_DecodesAtHeaderSize()
    {
        var files = System.IO.Directory.GetFiles(Path.Combine(TestPaths.ExifSamples, "tiff"), "*.tiff");
        Assert.IsNotEmpty(files, "the TIFF corpus is there (an empty folder would pass this test)");
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var header = InputGuard.Inspect(bytes, Limits).Value;

            var image = ImageDecoder.Decode(bytes, header);

            Assert.IsTrue(image.IsSuccess, $"{file}: {image.Failure}");
            Assert.AreEqual(header.Width, image.Value.Width);
            Assert.AreEqual(header.Height, image.Value.Height);
        }
    }

    [TestMethod]
    public void Decode_TruncatedJpeg_FailsCorrupt()
    {
        // Cut half way through the scan data, so that the header is complete and only the data ends early.
        var jpeg = JpegEncoder.Encode(SyntheticImages.Quadrants(64, 64)).Value;
        var scan = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        var truncated = jpeg.AsSpan(0, scan + ((jpeg.Length - scan) / 2)).ToArray();
        var header = InputGuard.Inspect(truncated, Limits).Value;

        var image = ImageDecoder.Decode(truncated, header);

        Assert.AreEqual(IngestFailureKind.Corrupt, image.Failure?.Kind);
    }

    [TestMethod]
    public void Decode_TruncatedPngAndWebP_FailCorrupt()
    {
        var png = SyntheticImages.Png(SyntheticImages.Quadrants(64, 64));
        var webp = SyntheticImages.WebPLossy(SyntheticImages.Quadrants(64, 64), 80);

        Assert.AreEqual(IngestFailureKind.Corrupt, InspectAndDecode(png[..(png.Length - 20)]).Failure?.Kind);
        Assert.AreEqual(IngestFailureKind.Corrupt, InspectAndDecode(webp[..(webp.Length / 2)]).Failure?.Kind);
    }

    [TestMethod]
    public void Decode_HeaderThatDoesNotMatchTheData_FailsCorrupt()
    {
        var png = SyntheticImages.Png(SyntheticImages.Quadrants(20, 10));

        var image = ImageDecoder.Decode(png, new ImageHeader(ImageFormat.Png, 10, 10, 1));

        Assert.AreEqual(IngestFailureKind.Corrupt, image.Failure?.Kind);
    }

    [TestMethod]
    public void Decode_CorruptedCorpusJpeg_FailsTyped()
    {
        var image = InspectAndDecode(File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "corrupted.jpg")));

        Assert.AreEqual(IngestFailureKind.Corrupt, image.Failure?.Kind);
    }
}
