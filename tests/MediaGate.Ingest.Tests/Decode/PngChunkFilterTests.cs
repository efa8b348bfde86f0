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
    /// same zlib stream (about 256 KB compressed). The inflation stops one byte past the declared picture, before
    /// libpng sees the file (libpng inflated a 4 GiB bomb to its end).
    /// </summary>
    [TestMethod]
    public void Rebuild_ZlibBombBehindSmallIhdr_FailsCorruptBeforeTheCodec()
    {
        byte[] png = PngChunks.Png(PngChunks.Ihdr(16, 16), PngChunks.Chunk("IDAT", PngChunks.ImageData(16, 16, extraZeros: 256L << 20)), PngChunks.Chunk("IEND", []));

        var rebuilt = PngChunkFilter.Rebuild(png);
        var decoded = InspectAndDecode(png);

        Assert.AreEqual(IngestFailureKind.Corrupt, rebuilt.Failure?.Kind);
        StringAssert.Contains(rebuilt.Failure!.Message, "beyond");
        Assert.AreEqual(IngestFailureKind.Corrupt, decoded.Failure?.Kind);
    }

    /// <summary>
    /// The bound is exact for interlaced pictures too. Recipe: a 13x11 8-bit grey Adam7 PNG (odd sizes leave some
    /// passes partial), each pass's rows built from its own pixel count; libpng itself refuses too little or too much data.
    /// </summary>
    [TestMethod]
    public void Decode_InterlacedPngWithOddSize_Decodes()
    {
        (int X, int Y, int StepX, int StepY)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        const int Width = 13, Height = 11;
        var raw = new List<byte>();
        foreach ((int x0, int y0, int sx, int sy) in passes)
        {
            for (int y = y0; y < Height; y += sy)
            {
                var row = Enumerable.Range(0, Width).Where(x => x >= x0 && (x - x0) % sx == 0).Select(x => (byte)((x * 16) + y)).ToArray();
                if (row.Length > 0)
                {
                    raw.Add(0);
                    raw.AddRange(row);
                }
            }
        }

        byte[] ihdr = [0, 0, 0, Width, 0, 0, 0, Height, 8, 0, 0, 0, 1];
        byte[] png = PngChunks.Png(PngChunks.Chunk("IHDR", ihdr), PngChunks.Chunk("IDAT", PngChunks.Compress([.. raw])), PngChunks.Chunk("IEND", []));

        var decoded = InspectAndDecode(png);

        Assert.IsTrue(decoded.IsSuccess, decoded.Failure?.ToString());
        Assert.AreEqual((12 * 16) + 10, decoded.Value.Row(10)[12 * 3]);
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
