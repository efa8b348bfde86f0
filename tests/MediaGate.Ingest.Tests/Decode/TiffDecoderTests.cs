using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Decode;

[TestClass]
public sealed class TiffDecoderTests
{
    private static readonly IngestLimits Limits = new();

    [TestMethod]
    public void Decode_BuiltGreyTiff_DecodesEachRow()
    {
        byte[] tiff = TinyTiff.Grey(8, 16);
        var header = InputGuard.Inspect(tiff, Limits);

        var image = ImageDecoder.Decode(tiff, header.Value);

        Assert.IsTrue(image.IsSuccess, image.Failure?.ToString());
        Assert.AreEqual(new ImageHeader(ImageFormat.Tiff, 8, 16, 1), header.Value);
        Assert.AreEqual(150, image.Value.Row(15)[0]);
        Assert.AreEqual(0, image.Value.Row(0)[23]);
    }

    /// <summary>
    /// Regression: a TIFF with two ImageLength entries of different integer types (SHORT 16, then LONG 30000):
    /// the managed reader took the first, libtiff the other, and libtiff inflated 480 MB past the pixel limit.
    /// </summary>
    [TestMethod]
    public void Inspect_TiffWithTwoImageLengthsOfDifferentTypes_FailsCorrupt()
    {
        byte[] tiff = TinyTiff.Build(
            [new(256, TinyTiff.Long, 16000), new(257, TinyTiff.Short, 16), new(257, TinyTiff.Long, 30000)], TinyTiff.Rows(16000, 16), 30000);

        Assert.AreEqual(IngestFailureKind.Corrupt, InputGuard.Inspect(tiff, Limits).Failure?.Kind);
    }

    [TestMethod]
    [DataRow((ushort)256)]
    [DataRow((ushort)257)]
    public void Inspect_TiffSizeTagOfOddType_FailsCorrupt(ushort oddTag)
    {
        TinyTiff.Entry width = new(256, oddTag == 256 ? TinyTiff.Rational : TinyTiff.Long, 8);
        TinyTiff.Entry height = new(257, oddTag == 257 ? TinyTiff.Rational : TinyTiff.Short, 8);
        byte[] tiff = TinyTiff.Build([width, height], TinyTiff.Rows(8, 8), 8);

        Assert.AreEqual(IngestFailureKind.Corrupt, InputGuard.Inspect(tiff, Limits).Failure?.Kind);
    }

    /// <summary>The codec's own size is the one enforced: a header that says less than libtiff will decode is refused before pixels are allocated.</summary>
    [TestMethod]
    public void Decode_CodecSizeDiffersFromTheCheckedHeader_FailsCorrupt()
    {
        byte[] tiff = TinyTiff.Grey(8, 16);

        var image = ImageDecoder.Decode(tiff, new ImageHeader(ImageFormat.Tiff, 8, 8, 1));

        Assert.AreEqual(IngestFailureKind.Corrupt, image.Failure?.Kind);
        StringAssert.Contains(image.Failure!.Message, "8x16");
    }

    /// <summary>A bomb: 20000 x 20000 declared (400 megapixels) over a strip of 16 bytes.</summary>
    [TestMethod]
    public void Inspect_TiffDeclaring400Megapixels_FailsTooManyPixelsBeforeDecoding()
    {
        byte[] tiff = TinyTiff.Build([new(256, TinyTiff.Long, 20000), new(257, TinyTiff.Long, 20000)], new byte[16], 20000);

        var header = InputGuard.Inspect(tiff, new IngestLimits { MaxSide = 65_500 });

        Assert.AreEqual(IngestFailureKind.TooManyPixels, header.Failure?.Kind);
    }

    [TestMethod]
    public void Decode_TiffWithStripShorterThanDeclared_FailsCorrupt()
    {
        byte[] tiff = TinyTiff.Build([new(256, TinyTiff.Long, 64), new(257, TinyTiff.Short, 64)], new byte[100], 64);
        var header = InputGuard.Inspect(tiff, Limits);

        var image = ImageDecoder.Decode(tiff, header.Value);

        Assert.AreEqual(IngestFailureKind.Corrupt, image.Failure?.Kind);
    }
}
