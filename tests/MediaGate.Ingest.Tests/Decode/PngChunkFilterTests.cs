using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Decode;

[TestClass]
public sealed class PngChunkFilterTests
{
    private static readonly IngestLimits Limits = new();

    private static Outcome<RgbImage> InspectAndDecode(byte[] bytes)
    {
        var header = InputGuard.Inspect(bytes, Limits);
        return header.IsSuccess ? ImageDecoder.Decode(bytes, header.Value) : header.Failure;
    }

    /// <summary>
    /// Regression: a PNG with hundreds of compressed text chunks made libpng inflate and keep them all (6.8 GB).
    /// Recipe: a 16x16 RGB PNG with 300 zTXt chunks before IDAT, each inflating to 4 MiB (1.2 GB in all).
    /// </summary>
    [TestMethod]
    public void Rebuild_PngWithHundredsOfCompressedTextChunks_KeepsOnlyThePictureChunks()
    {
        byte[] text = PngChunks.CompressedText(4 << 20);
        byte[] png = PngChunks.Png([PngChunks.Ihdr(16, 16), .. Enumerable.Repeat(text, 300), PngChunks.Chunk("IDAT", PngChunks.ImageData(16, 16)), PngChunks.Chunk("IEND", [])]);

        var rebuilt = PngChunkFilter.Rebuild(png);
        var decoded = InspectAndDecode(png);

        CollectionAssert.AreEqual(new[] { "IHDR", "IDAT", "IEND" }, PngChunks.Types(rebuilt.Value));
        Assert.IsTrue(decoded.IsSuccess, decoded.Failure?.ToString());
        Assert.AreEqual(255, decoded.Value.Row(15)[0]);
    }

    [TestMethod]
    public void Rebuild_ColourChunksAndPalette_AreKept()
    {
        byte[] png = PngChunks.Png(
            PngChunks.Ihdr(4, 4), PngChunks.Chunk("gAMA", [0, 0, 0xB1, 0x8F]), PngChunks.Chunk("sRGB", [0]),
            PngChunks.Chunk("iCCP", "x\0\0"u8), PngChunks.Chunk("eXIf", "MM\0*"u8), PngChunks.Chunk("tEXt", "a\0b"u8),
            PngChunks.Chunk("IDAT", PngChunks.ImageData(4, 4)), PngChunks.Chunk("IEND", []));

        var rebuilt = PngChunkFilter.Rebuild(png);

        CollectionAssert.AreEqual(new[] { "IHDR", "gAMA", "sRGB", "IDAT", "IEND" }, PngChunks.Types(rebuilt.Value));
    }

    [TestMethod]
    public void Rebuild_ChunkWithWrongCrc_FailsCorrupt()
    {
        byte[] text = PngChunks.Chunk("tEXt", "Comment\0hello"u8);
        text[^1] ^= 0xFF;
        byte[] png = PngChunks.Png(PngChunks.Ihdr(4, 4), text, PngChunks.Chunk("IDAT", PngChunks.ImageData(4, 4)), PngChunks.Chunk("IEND", []));

        Assert.AreEqual(IngestFailureKind.Corrupt, PngChunkFilter.Rebuild(png).Failure?.Kind);
        Assert.AreEqual(IngestFailureKind.Corrupt, InspectAndDecode(png).Failure?.Kind);
    }

    [TestMethod]
    public void Rebuild_ChunkLengthBeyondTheFile_FailsCorrupt()
    {
        byte[] idat = PngChunks.Chunk("IDAT", PngChunks.ImageData(4, 4));
        idat[0] = 0x7F; // length 0x7F..., far beyond the file
        byte[] png = PngChunks.Png(PngChunks.Ihdr(4, 4), idat, PngChunks.Chunk("IEND", []));

        Assert.AreEqual(IngestFailureKind.Corrupt, PngChunkFilter.Rebuild(png).Failure?.Kind);
    }

    [TestMethod]
    public void Rebuild_UnknownCriticalChunk_FailsUnsupportedFormat()
    {
        byte[] png = PngChunks.Png(PngChunks.Ihdr(4, 4), PngChunks.Chunk("XYZW", [1, 2, 3]), PngChunks.Chunk("IDAT", PngChunks.ImageData(4, 4)), PngChunks.Chunk("IEND", []));

        Assert.AreEqual(IngestFailureKind.UnsupportedFormat, PngChunkFilter.Rebuild(png).Failure?.Kind);
    }

    [TestMethod]
    public void Rebuild_IdatSplitByAnotherChunk_FailsCorrupt()
    {
        byte[] data = PngChunks.ImageData(4, 4);
        byte[] png = PngChunks.Png(
            PngChunks.Ihdr(4, 4), PngChunks.Chunk("IDAT", data[..10]), PngChunks.Chunk("tEXt", "a\0b"u8),
            PngChunks.Chunk("IDAT", data[10..]), PngChunks.Chunk("IEND", []));

        Assert.AreEqual(IngestFailureKind.Corrupt, PngChunkFilter.Rebuild(png).Failure?.Kind);
    }

    [TestMethod]
    public void Rebuild_NoIend_FailsCorrupt()
    {
        byte[] png = PngChunks.Png(PngChunks.Ihdr(4, 4), PngChunks.Chunk("IDAT", PngChunks.ImageData(4, 4)));

        Assert.AreEqual(IngestFailureKind.Corrupt, PngChunkFilter.Rebuild(png).Failure?.Kind);
    }

    /// <summary>Polyglot: a PNG followed by a ZIP archive. Nothing after IEND reaches the decoder.</summary>
    [TestMethod]
    public void Rebuild_ZipAfterIend_IsDropped()
    {
        byte[] picture = PngChunks.Png(PngChunks.Ihdr(4, 4), PngChunks.Chunk("IDAT", PngChunks.ImageData(4, 4)), PngChunks.Chunk("IEND", []));
        byte[] zip = [.. "PK\x03\x04"u8, .. new byte[100]];

        var rebuilt = PngChunkFilter.Rebuild([.. picture, .. zip]);

        CollectionAssert.AreEqual(picture, rebuilt.Value);
    }

    /// <summary>
    /// A zlib bomb behind a small IHDR: 16x16 RGB declared (784 bytes of scanlines), then 256 MiB of zeros in the
    /// same zlib stream (about 256 KB compressed). libpng reads rows into buffers sized from IHDR and stops at the
    /// first byte beyond the picture, so nothing beyond the declared image is inflated into memory; the
    /// surplus is a libpng warning, and a warning fails the file.
    /// </summary>
    [TestMethod]
    public void Decode_ZlibBombBehindSmallIhdr_FailsCorrupt()
    {
        byte[] png = PngChunks.Png(PngChunks.Ihdr(16, 16), PngChunks.Chunk("IDAT", PngChunks.ImageData(16, 16, extraZeros: 256L << 20)), PngChunks.Chunk("IEND", []));

        var decoded = InspectAndDecode(png);

        Assert.AreEqual(IngestFailureKind.Corrupt, decoded.Failure?.Kind, decoded.Failure?.Message);
    }

    [TestMethod]
    public void Decode_CleanBuiltPng_DecodesItsRows()
    {
        byte[] png = PngChunks.Png(PngChunks.Ihdr(16, 16), PngChunks.Chunk("IDAT", PngChunks.ImageData(16, 16)), PngChunks.Chunk("IEND", []));

        var decoded = InspectAndDecode(png);

        Assert.IsTrue(decoded.IsSuccess, decoded.Failure?.ToString());
        Assert.AreEqual(0, decoded.Value.Row(0)[0]);
        Assert.AreEqual(255, decoded.Value.Row(15)[47]);
    }
}
