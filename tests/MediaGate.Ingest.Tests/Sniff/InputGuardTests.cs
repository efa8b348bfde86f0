using System.Buffers.Binary;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Sniff;
using MediaGate.Ingest.Tests.Decode;

namespace MediaGate.Ingest.Tests.Sniff;

[TestClass]
public sealed class InputGuardTests
{
    private static readonly IngestLimits Limits = new();

    private static string Sample(params string[] parts) => Path.Combine([TestPaths.ExifSamples, .. parts]);

    [TestMethod]
    public void Inspect_Empty_FailsEmpty()
    {
        Assert.AreEqual(IngestFailureKind.Empty, InputGuard.Inspect([], Limits).Failure?.Kind);
    }

    [TestMethod]
    public void Inspect_LargerThanMaxBytes_FailsTooManyBytes()
    {
        var jpeg = File.ReadAllBytes(Sample("jpg", "Canon_40D.jpg"));

        var header = InputGuard.Inspect(jpeg, new IngestLimits { MaxBytes = jpeg.Length - 1 });

        Assert.AreEqual(IngestFailureKind.TooManyBytes, header.Failure?.Kind);
    }

    [TestMethod]
    [DataRow("<html><body>hello</body></html>")]
    [DataRow("\x89PNX")]
    public void Inspect_NotAnImage_FailsUnknownFormat(string text)
    {
        var bytes = text.Select(c => (byte)c).ToArray();

        Assert.AreEqual(IngestFailureKind.UnknownFormat, InputGuard.Inspect(bytes, Limits).Failure?.Kind);
    }

    [TestMethod]
    public void Inspect_PngSavedWithJpgName_IsRecognisedAsPng()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mediagate-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, SyntheticImages.Png(SyntheticImages.Quadrants(33, 21)));
        try
        {
            var header = InputGuard.Inspect(File.ReadAllBytes(path), Limits);

            Assert.AreEqual(new ImageHeader(ImageFormat.Png, 33, 21, 1), header.Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Inspect_PngHeaderDeclaring100000Square_FailsTooManyPixelsFromHeaderAlone()
    {
        // Only signature and IHDR: had anything tried to decode, the missing IDAT would make it Corrupt.
        var png = new byte[8 + 25];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(8), 13);
        "IHDR"u8.CopyTo(png.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 100_000);
        png[24] = 8;
        png[25] = 2;

        var header = InputGuard.Inspect(png, Limits);

        Assert.AreEqual(IngestFailureKind.TooManyPixels, header.Failure?.Kind, header.Failure?.Message);
    }

    [TestMethod]
    public void Inspect_JpegFrameHeaderDeclaring65000Square_FailsTooManyPixels()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0xFD, 0xE8, 0xFD, 0xE8, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];

        var header = InputGuard.Inspect(jpeg, Limits);

        Assert.AreEqual(IngestFailureKind.TooManyPixels, header.Failure?.Kind, header.Failure?.Message);
    }

    [TestMethod]
    public void Inspect_PictureOverMaxPixelsButUnderMaxSide_FailsTooManyPixels()
    {
        var jpeg = File.ReadAllBytes(Sample("jpg", "orientation", "landscape_1.jpg")); // 600x450

        var header = InputGuard.Inspect(jpeg, new IngestLimits { MaxPixels = (600 * 450) - 1 });

        Assert.AreEqual(IngestFailureKind.TooManyPixels, header.Failure?.Kind);
    }

    [TestMethod]
    public void Inspect_JpegOrientationCorpus_ReadsEachOrientation()
    {
        for (var orientation = 1; orientation <= 8; orientation++)
        {
            var header = InputGuard.Inspect(File.ReadAllBytes(Sample("jpg", "orientation", $"portrait_{orientation}.jpg")), Limits);

            Assert.AreEqual(orientation, header.Value.Orientation);
            Assert.AreEqual(ImageFormat.Jpeg, header.Value.Format);
        }
    }

    [TestMethod]
    public void Inspect_EncodedJpeg_ReadsSizeAndNoOrientation()
    {
        var jpeg = JpegEncoder.Encode(SyntheticImages.Quadrants(70, 40)).Value;

        Assert.AreEqual(new ImageHeader(ImageFormat.Jpeg, 70, 40, 1), InputGuard.Inspect(jpeg, Limits).Value);
    }

    [TestMethod]
    public void Inspect_Heic_ReadsUprightSizeWithoutDecoding()
    {
        var header = InputGuard.Inspect(File.ReadAllBytes(Sample("heic", "samplefilehub.heif")), Limits);

        Assert.IsTrue(header.IsSuccess, header.Failure?.ToString());
        Assert.AreEqual(ImageFormat.Heif, header.Value.Format);
        Assert.AreEqual(1, header.Value.Orientation);
        Assert.IsGreaterThan(0, header.Value.Width);
    }

    [TestMethod]
    public void Inspect_HeicOverMaxSide_FailsTooManyPixels()
    {
        var header = InputGuard.Inspect(File.ReadAllBytes(Sample("heic", "IMG_5195.HEIC")), new IngestLimits { MaxSide = 64 });

        Assert.AreEqual(IngestFailureKind.TooManyPixels, header.Failure?.Kind, header.Failure?.Message);
    }

    [TestMethod]
    public void Inspect_TiffCorpus_ReadsSizes()
    {
        var files = System.IO.Directory.GetFiles(Sample("tiff"), "*.tiff");
        Assert.IsNotEmpty(files, "the TIFF corpus is there (an empty folder would pass this test)");
        foreach (var file in files)
        {
            var header = InputGuard.Inspect(File.ReadAllBytes(file), Limits);

            Assert.IsTrue(header.IsSuccess, $"{file}: {header.Failure}");
            Assert.AreEqual(ImageFormat.Tiff, header.Value.Format);
        }
    }

    [TestMethod]
    public void Inspect_WebP_ReadsSize()
    {
        var webp = SyntheticImages.WebPLossy(SyntheticImages.Quadrants(50, 30), 80);

        Assert.AreEqual(new ImageHeader(ImageFormat.WebP, 50, 30, 1), InputGuard.Inspect(webp, Limits).Value);
    }

    [TestMethod]
    public void Inspect_JpegCutInsideHeader_FailsCorrupt()
    {
        var jpeg = File.ReadAllBytes(Sample("jpg", "Canon_40D.jpg"));

        var header = InputGuard.Inspect(jpeg.AsSpan(0, 300), Limits);

        Assert.AreEqual(IngestFailureKind.Corrupt, header.Failure?.Kind);
    }

    [TestMethod]
    public void Inspect_TruncatedPngSignatureOnly_FailsCorrupt()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

        Assert.AreEqual(IngestFailureKind.Corrupt, InputGuard.Inspect(png, Limits).Failure?.Kind);
    }

    [TestMethod]
    [DataRow("GIF89a")]
    [DataRow("GIF87a")]
    public void Inspect_Gif_FailsUnsupportedFormatNamingGif(string signature)
    {
        // Recipe: a GIF header for a 1x1 picture (logical screen descriptor only).
        byte[] gif = [.. signature.Select(c => (byte)c), 1, 0, 1, 0, 0, 0, 0];

        var header = InputGuard.Inspect(gif, Limits);

        Assert.AreEqual(IngestFailureKind.UnsupportedFormat, header.Failure?.Kind);
        StringAssert.Contains(header.Failure!.Message, "GIF");
    }

    /// <summary>A WebP bomb: a lossless (VP8L) header declaring 16384 x 16384 over ten bytes of data.</summary>
    [TestMethod]
    public void Inspect_WebPHeaderDeclaring16384Square_FailsTooManyPixels()
    {
        byte[] vp8l = new byte[15];
        vp8l[0] = 0x2F; // VP8L signature
        BinaryPrimitives.WriteUInt32LittleEndian(vp8l.AsSpan(1), 16383u | (16383u << 14)); // width-1, height-1, no alpha, version 0
        byte[] webp = [.. "RIFF"u8, .. new byte[4], .. "WEBPVP8L"u8, .. new byte[4], .. vp8l, 0];
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(4), (uint)(webp.Length - 8));
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(16), (uint)vp8l.Length);

        var header = InputGuard.Inspect(webp, Limits);

        Assert.AreEqual(IngestFailureKind.TooManyPixels, header.Failure?.Kind, header.Failure?.Message);
    }

    /// <summary>A HEIF bomb: every 'ispe' (image spatial extent) box of a real HEIF patched to 16000 x 16000 (256 megapixels).</summary>
    [TestMethod]
    public void Inspect_HeifWhoseExtentsClaim256Megapixels_FailsTooManyPixels()
    {
        byte[] heif = File.ReadAllBytes(Sample("heic", "samplefilehub.heif"));
        int patched = 0;
        for (int at = heif.AsSpan().IndexOf("ispe"u8); at >= 0; at = NextIspe(heif, at))
        {
            BinaryPrimitives.WriteUInt32BigEndian(heif.AsSpan(at + 8), 16000);
            BinaryPrimitives.WriteUInt32BigEndian(heif.AsSpan(at + 12), 16000);
            patched++;
        }

        var header = InputGuard.Inspect(heif, Limits);

        Assert.IsGreaterThan(0, patched);
        Assert.AreEqual(IngestFailureKind.TooManyPixels, header.Failure?.Kind, header.Failure?.Message);
    }

    /// <summary>AVIF is decoded: Debian's libheif1 carries the dav1d AV1 decoder. Recipe: a 64x48 picture encoded to AVIF by libheif's AV1 encoder.</summary>
    [TestMethod]
    public void ReadUpright_Avif_DecodesThePicture()
    {
        var source = SyntheticImages.Quadrants(64, 48);
        byte[] avif = HeifTestEncoder.Avif(source);

        var photo = MediaGate.Ingest.Decode.PhotoReader.ReadUpright(avif, Limits);

        Assert.IsTrue(photo.IsSuccess, photo.Failure?.ToString());
        Assert.AreEqual(ImageFormat.Heif, photo.Value.Header.Format);
        Assert.AreEqual(64, photo.Value.Image.Width);
        Assert.AreEqual(48, photo.Value.Image.Height);
        Assert.IsLessThan(PixelThresholds.AvifAtMost, SyntheticImages.MeanDifference(source, photo.Value.Image));
    }

    /// <summary>A file that lies about its type: a ".png" holding a JPEG is read as the JPEG it is.</summary>
    [TestMethod]
    public void Inspect_JpegBytesUnderPngName_IsRecognisedAsJpeg()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mediagate-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, JpegEncoder.Encode(SyntheticImages.Quadrants(40, 30)).Value);
        try
        {
            var header = InputGuard.Inspect(File.ReadAllBytes(path), Limits);

            Assert.AreEqual(new ImageHeader(ImageFormat.Jpeg, 40, 30, 1), header.Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int NextIspe(byte[] bytes, int after)
    {
        int next = bytes.AsSpan(after + 4).IndexOf("ispe"u8);
        return next < 0 ? -1 : after + 4 + next;
    }
}
