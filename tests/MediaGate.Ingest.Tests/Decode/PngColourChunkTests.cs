using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Decode;

/// <summary>
/// issue 12, section 5: a PNG whose colour chunk (gAMA, cHRM, sRGB) is out of place or invalid keeps its photo: the
/// chunk is dropped, as browsers do, and the picture decodes as it would without it. Every other PNG rule stays.
/// </summary>
[TestClass]
public sealed class PngColourChunkTests
{
    private static readonly IngestLimits Limits = new();

    // 0.45455 (sRGB's gamma) and the sRGB/D65 chromaticities, each x100000, as PNG writes them.
    private static readonly byte[] GoodGamma = [0, 0, 0xB1, 0x8F];
    private static readonly byte[] GoodChromaticities =
    [
        0, 0, 0x7A, 0x26, 0, 0, 0x80, 0x84, 0, 0, 0xFA, 0, 0, 0, 0x80, 0xE8,
        0, 0, 0x75, 0x30, 0, 0, 0xEA, 0x60, 0, 0, 0x3A, 0x98, 0, 0, 0x17, 0x70,
    ];

    public static IEnumerable<object[]> BadColourChunks =>
    [
        ["sRGB after IDAT", Png(Idat(), C("sRGB", [0]))],
        ["gAMA after IDAT", Png(Idat(), C("gAMA", GoodGamma))],
        ["cHRM after IDAT", Png(Idat(), C("cHRM", GoodChromaticities))],
        ["sRGB of two bytes", Png(C("sRGB", [0, 0]), Idat())],
        ["sRGB with rendering intent 9", Png(C("sRGB", [9]), Idat())],
        ["gAMA of zero", Png(C("gAMA", [0, 0, 0, 0]), Idat())],
        ["gAMA of three bytes", Png(C("gAMA", [0, 0xB1, 0x8F]), Idat())],
        ["cHRM of 31 bytes", Png(C("cHRM", GoodChromaticities.AsSpan(0, 31)), Idat())],
        ["cHRM with all zero chromaticities", Png(C("cHRM", new byte[32]), Idat())],
        ["cHRM with a white point beyond 1", Png(C("cHRM", [0x7F, 0xFF, 0xFF, 0xFF, .. GoodChromaticities.AsSpan(4)]), Idat())],
    ];

    /// <summary>Each chunk valid on its own, but together contradictory: only libpng's read shows it.</summary>
    public static IEnumerable<object[]> ContradictoryColourChunks =>
    [
        ["gAMA that contradicts sRGB", Png(C("sRGB", [0]), C("gAMA", [0, 1, 0x86, 0xA0]), Idat())],
        ["cHRM that contradicts sRGB", Png(C("sRGB", [0]), C("cHRM", [0, 0, 0x3A, 0x98, .. GoodChromaticities.AsSpan(4)]), Idat())],
    ];

    public static IEnumerable<object[]> AllBadColourChunks =>
        BadColourChunks.Concat(ContradictoryColourChunks).Append(["two sRGB chunks", Png(C("sRGB", [0]), C("sRGB", [0]), Idat())]);

    [TestMethod]
    [DynamicData(nameof(AllBadColourChunks))]
    public void Decode_PngWithBadColourChunk_KeepsThePhoto(string scenario, byte[] png)
    {
        var reference = Decode(Png(Idat()));

        var decoded = Decode(png);

        Assert.IsTrue(decoded.IsSuccess, $"{scenario}: {decoded.Failure}");
        CollectionAssert.AreEqual(reference.Value.Pixels, decoded.Value.Pixels, scenario);
    }

    [TestMethod]
    [DynamicData(nameof(BadColourChunks))]
    public void Rebuild_PngWithBadColourChunk_DropsIt(string scenario, byte[] png)
    {
        var rebuilt = PngChunkFilter.Rebuild(png);

        Assert.IsTrue(rebuilt.IsSuccess, $"{scenario}: {rebuilt.Failure}");
        CollectionAssert.AreEqual(new[] { "IHDR", "IDAT", "IEND" }, PngChunks.Types(rebuilt.Value), scenario);
    }

    [TestMethod]
    public void Rebuild_SecondSrgbChunk_IsDroppedAndTheFirstKept()
    {
        var rebuilt = PngChunkFilter.Rebuild(Png(C("sRGB", [0]), C("sRGB", [1]), Idat()));

        CollectionAssert.AreEqual(new[] { "IHDR", "sRGB", "IDAT", "IEND" }, PngChunks.Types(rebuilt.Value));
    }

    [TestMethod]
    public void Rebuild_ColourChunkAfterPalette_IsDropped()
    {
        byte[] ihdr = PngChunks.Ihdr(8, 8);
        ihdr[8 + 9] = 3; // colour type palette
        FixCrc(ihdr);
        byte[] rows = PngChunks.Compress(new byte[8 * 9]); // filter byte 0 and eight palette indexes 0 per row
        byte[] png = PngChunks.Png(ihdr, C("PLTE", [10, 20, 30]), C("gAMA", GoodGamma), C("IDAT", rows), C("IEND", []));

        var rebuilt = PngChunkFilter.Rebuild(png);
        var decoded = Decode(png);

        CollectionAssert.AreEqual(new[] { "IHDR", "PLTE", "IDAT", "IEND" }, PngChunks.Types(rebuilt.Value));
        Assert.IsTrue(decoded.IsSuccess, decoded.Failure?.ToString());
        CollectionAssert.AreEqual(new byte[] { 10, 20, 30 }, decoded.Value.Row(7)[..3].ToArray());
    }

    [TestMethod]
    public void Rebuild_ValidColourChunksInPlace_AreKept()
    {
        byte[] png = Png(C("gAMA", GoodGamma), C("cHRM", GoodChromaticities), C("sRGB", [0]), Idat());

        var rebuilt = PngChunkFilter.Rebuild(png);
        var decoded = Decode(png);

        CollectionAssert.AreEqual(new[] { "IHDR", "gAMA", "cHRM", "sRGB", "IDAT", "IEND" }, PngChunks.Types(rebuilt.Value));
        Assert.IsTrue(decoded.IsSuccess, decoded.Failure?.ToString());
    }

    [TestMethod]
    public void Decode_PngWithBadColourChunkAndWrongCrcElsewhere_StillFailsCorrupt()
    {
        byte[] idat = Idat();
        idat[^1] ^= 0xFF;

        var decoded = Decode(Png(C("sRGB", [0, 0]), idat));

        Assert.AreEqual(IngestFailureKind.Corrupt, decoded.Failure?.Kind);
    }

    private static Outcome<RgbImage> Decode(byte[] bytes)
    {
        var header = InputGuard.Inspect(bytes, Limits);
        return header.IsSuccess ? ImageDecoder.Decode(bytes, header.Value) : header.Failure;
    }

    /// <summary>Recomputes IHDR's CRC after a test changed its data.</summary>
    private static void FixCrc(byte[] chunk) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(chunk.Length - 4), PngCrc.Compute(chunk.AsSpan(4, chunk.Length - 8)));

    private static byte[] C(string type, ReadOnlySpan<byte> data) => PngChunks.Chunk(type, data);

    private static byte[] Idat() => PngChunks.Chunk("IDAT", PngChunks.ImageData(8, 8));

    /// <summary>IHDR (8x8 RGB), the given chunks in order, IEND.</summary>
    private static byte[] Png(params byte[][] chunks) => PngChunks.Png([PngChunks.Ihdr(8, 8), .. chunks, PngChunks.Chunk("IEND", [])]);
}
