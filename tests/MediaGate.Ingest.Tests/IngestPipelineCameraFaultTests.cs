using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Orient;
using MediaGate.Ingest.Tests.Decode;
using MediaGate.Ingest.Tests.Verify;
using MediaGate.Ingest.Verify;

namespace MediaGate.Ingest.Tests;

/// <summary>
/// <see cref="IngestPipeline.Strip"/> on photos with the small structural faults real cameras and editors
/// write (issue 6, section 3), and on orientation written where viewers still find it (section 2). Each
/// test builds its file from a clean JPEG that TurboJPEG encodes from synthetic pixels.
/// </summary>
[TestClass]
public sealed class IngestPipelineCameraFaultTests
{
    private static readonly IngestOptions Options = new();

    /// <summary>64x48 is a whole number of 4:2:0 MCUs, so every lossless rotation is perfect.</summary>
    private static byte[] CleanJpeg() => JpegEncoder.Encode(SyntheticImages.Quadrants(64, 48)).Value;

    private static RgbImage Pixels(byte[] image) => PhotoReader.ReadUpright(image, Options.Limits).Value.Image;

    private static PhotoContext StripOk(byte[] input, OutputMethod method)
    {
        var photo = new PhotoContext(input);
        var outcome = new IngestPipeline(null, Options).Strip(photo);
        Assert.IsTrue(outcome.IsSuccess, outcome.Failure?.ToString());
        Assert.AreEqual(method, photo.Method);
        Assert.IsTrue(MetadataVerifier.VerifyClean(photo.Output!).IsSuccess);
        return photo;
    }

    [TestMethod]
    public void Strip_XmpLengthTwoShortLeavingStrayBytes_KeptLosslessly()
    {
        // Recipe: an APP1 XMP segment whose length field is 2 less than its payload, so two bytes of it
        // stand between the segment and the next marker (libjpeg: "2 extraneous bytes before marker").
        var clean = CleanJpeg();
        byte[] xmp = [.. "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Alice Smith</x:xmpmeta>"u8, (byte)'!', (byte)'!'];
        var dirty = JpegSurgery.InsertAfterSoi(clean, 0xE1, xmp);
        var lengthAt = 4;
        var declared = (dirty[lengthAt] << 8) | dirty[lengthAt + 1];
        dirty[lengthAt] = (byte)((declared - 2) >> 8);
        dirty[lengthAt + 1] = (byte)(declared - 2);

        var photo = StripOk(dirty, OutputMethod.Lossless);

        Assert.IsFalse(JpegSurgery.Contains(photo.Output!, "Alice"));
        Assert.AreEqual(0, SyntheticImages.MaxDifference(Pixels(clean), Pixels(photo.Output!)));
    }

    [TestMethod]
    public void Strip_UnknownJfifRevision_KeptLosslessly()
    {
        // Recipe: the JFIF APP0 that TurboJPEG writes, with its version changed from 1.01 to 3.07.
        var dirty = CleanJpeg();
        var jfif = dirty.AsSpan().IndexOf("JFIF\0"u8);
        Assert.IsGreaterThan(0, jfif, "test setup: the encoder writes JFIF");
        dirty[jfif + 5] = 3;
        dirty[jfif + 6] = 7;

        var photo = StripOk(dirty, OutputMethod.Lossless);

        Assert.AreEqual(0, SyntheticImages.MaxDifference(Pixels(CleanJpeg()), Pixels(photo.Output!)));
    }

    [TestMethod]
    public void Strip_ExtraneousBytesBeforeHeaderMarker_KeptLosslessly()
    {
        // Recipe: five stray bytes between the quantisation tables and the frame header.
        var clean = CleanJpeg();
        var sof = clean.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        byte[] dirty = [.. clean[..sof], 1, 2, 3, 4, 5, .. clean[sof..]];

        var photo = StripOk(dirty, OutputMethod.Lossless);

        Assert.AreEqual(0, SyntheticImages.MaxDifference(Pixels(clean), Pixels(photo.Output!)));
    }

    [TestMethod]
    public void Strip_ExtraneousBytesBeforeEoi_Reencoded()
    {
        // Recipe: 64 stray bytes after the last scan's data, before EOI (a few would vanish into libjpeg's
        // bit buffer unnoticed): libjpeg decodes every block, then warns; the transcoder stops at the
        // warning, the decoder tolerates exactly this one.
        var clean = CleanJpeg();
        byte[] dirty = [.. clean[..^2], .. Enumerable.Repeat((byte)7, 64), 0xFF, 0xD9];

        var photo = StripOk(dirty, OutputMethod.Reencoded);

        Assert.IsLessThan(PixelThresholds.RecoveredDecodeAtMost, SyntheticImages.MeanDifference(Pixels(clean), Pixels(photo.Output!)));
    }

    [TestMethod]
    public void Strip_BadHuffmanCodeAtScanStart_FailsCorrupt()
    {
        // Recipe: 16 one-bits (FF 00 FF 00, stuffed) put before the first block's data: no code of the
        // standard tables is 16 ones, so libjpeg warns "bad Huffman code" and fills the rest with guesses.
        var clean = CleanJpeg();
        var sos = clean.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        var data = sos + 2 + ((clean[sos + 2] << 8) | clean[sos + 3]);
        byte[] dirty = [.. clean[..data], 0xFF, 0x00, 0xFF, 0x00, .. clean[data..]];

        var outcome = new IngestPipeline(null, Options).Strip(new PhotoContext(dirty));

        Assert.AreEqual(IngestFailureKind.Corrupt, outcome.Failure?.Kind, outcome.Failure?.ToString());
        Assert.Contains("Huffman", outcome.Failure!.Message);
    }

    [TestMethod]
    public void Strip_ProgressiveCutAtScanBoundaryWithEoi_FailsCorrupt()
    {
        // Recipe: a progressive JPEG cut right before its fourth scan, FF D9 appended. libjpeg decodes it
        // without a warning (a blurred picture); only the scan headers show coefficients never sent.
        var source = SyntheticImages.Quadrants(64, 48);
        var progressive = TurboJpegTestEncoder.Encode(source.Pixels, 64, 48, Interop.TurboJpeg.PixelFormatRgb, Interop.TurboJpeg.Subsampling420, progressive: true);
        var scan = -1;
        for (var i = 0; i < 4; i++)
        {
            scan = progressive.AsSpan(scan + 1).IndexOf([(byte)0xFF, (byte)0xDA]) + scan + 1;
        }

        byte[] cut = [.. progressive[..scan], 0xFF, 0xD9];
        Assert.IsTrue(new IngestPipeline(null, Options).Strip(new PhotoContext(progressive)).IsSuccess, "test setup: the whole file is fine");

        var outcome = new IngestPipeline(null, Options).Strip(new PhotoContext(cut));

        Assert.AreEqual(IngestFailureKind.Corrupt, outcome.Failure?.Kind, outcome.Failure?.ToString());
        Assert.Contains("incomplete", outcome.Failure!.Message);
    }

    [TestMethod]
    public void Strip_ExifOrientationBetweenSofAndSos_ComesOutUpright()
    {
        // Recipe: an APP1 EXIF with orientation 6 placed after SOF, right before the first DHT that
        // follows it (TurboJPEG writes SOF, DHT, SOS), where exiftool still reads it.
        var clean = CleanJpeg();
        var sof = clean.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        var dhtAfterSof = sof + clean.AsSpan(sof).IndexOf([(byte)0xFF, (byte)0xC4]);
        byte[] exif = [.. "Exif\0\0"u8, .. JpegSurgery.OrientationTiff(6)];
        var length = exif.Length + 2;
        byte[] dirty = [.. clean[..dhtAfterSof], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif, .. clean[dhtAfterSof..]];

        var photo = StripOk(dirty, OutputMethod.Lossless);

        var expected = Orientation.ApplyExif(Pixels(clean), 6);
        var output = Pixels(photo.Output!);
        Assert.AreEqual(48, output.Width);
        Assert.AreEqual(64, output.Height);
        Assert.IsLessThan(PixelThresholds.LosslessAtMost, SyntheticImages.MeanDifference(expected, output));
    }

    [TestMethod]
    public void Strip_PngExifChunkOrientationSix_ComesOutUpright()
    {
        // Recipe: an eXIf chunk (TIFF structure, orientation 6) inserted right after IHDR.
        var source = SyntheticImages.Quadrants(64, 48);
        var png = SyntheticImages.Png(source);
        var tiff = JpegSurgery.OrientationTiff(6);
        byte[] chunk = [0, 0, 0, (byte)tiff.Length, .. "eXIf"u8, .. tiff, 0, 0, 0, 0];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(chunk.Length - 4), Crc32Png(chunk.AsSpan(4, 4 + tiff.Length)));
        const int AfterIhdr = 8 + 8 + 13 + 4;
        byte[] dirty = [.. png[..AfterIhdr], .. chunk, .. png[AfterIhdr..]];

        var photo = StripOk(dirty, OutputMethod.Reencoded);

        var output = Pixels(photo.Output!);
        Assert.AreEqual(48, output.Width);
        Assert.IsLessThan(PixelThresholds.HighQualityEncodeAtMost, SyntheticImages.MeanDifference(Orientation.ApplyExif(source.Clone(), 6), output));
    }

    [TestMethod]
    public void Strip_WebPExifChunkOrientationSix_ComesOutUpright()
    {
        // Recipe: a lossy WebP (simple format, one VP8 chunk) rewritten as extended format: VP8X with the
        // EXIF flag, the VP8 chunk, then an EXIF chunk holding orientation 6; the RIFF size updated.
        var source = SyntheticImages.Quadrants(64, 48);
        var webp = SyntheticImages.WebPLossy(source, 95);
        var tiff = JpegSurgery.OrientationTiff(6);
        byte[] vp8x = [.. "VP8X"u8, 10, 0, 0, 0, 0x08, 0, 0, 0, 63, 0, 0, 47, 0, 0];
        byte[] exif = [.. "EXIF"u8, (byte)tiff.Length, 0, 0, 0, .. tiff];
        byte[] body = [.. "WEBP"u8, .. vp8x, .. webp[12..], .. exif];
        byte[] dirty = [.. "RIFF"u8, .. BitConverter.GetBytes(body.Length), .. body];

        var photo = StripOk(dirty, OutputMethod.Reencoded);

        // Compared with the WebP's own pixels turned by hand: a wrong turn or none differs by far more.
        var output = Pixels(photo.Output!);
        Assert.AreEqual(48, output.Width);
        Assert.IsLessThan(PixelThresholds.HighQualityEncodeAtMost, SyntheticImages.MeanDifference(Orientation.ApplyExif(Pixels(webp), 6), output));
    }

    private static uint Crc32Png(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
