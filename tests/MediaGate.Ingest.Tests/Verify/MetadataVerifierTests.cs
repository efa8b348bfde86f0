using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Tests.Decode;
using MediaGate.Ingest.Verify;

namespace MediaGate.Ingest.Tests.Verify;

[TestClass]
public sealed class MetadataVerifierTests
{
    private static byte[] CleanJpeg() => JpegEncoder.Encode(SyntheticImages.Quadrants(64, 48)).Value;

    private static void AssertRefused(byte[] output, string expectedInMessage)
    {
        var verdict = MetadataVerifier.VerifyClean(output);

        Assert.AreEqual(IngestFailureKind.MetadataRemains, verdict.Failure?.Kind);
        Assert.Contains(expectedInMessage, verdict.Failure!.Message);
    }

    [TestMethod]
    public void VerifyClean_EncoderOutput_Succeeds()
    {
        var verdict = MetadataVerifier.VerifyClean(CleanJpeg());

        Assert.IsTrue(verdict.IsSuccess, verdict.Failure?.ToString());
    }

    [TestMethod]
    public void VerifyClean_IccIdentifierCarryingText_FailsNamingIcc()
    {
        // Recipe: APP2 "ICC_PROFILE" chunk 1 of 1 whose data is a sentence, not a profile.
        var output = JpegSurgery.InsertAfterSoi(CleanJpeg(), 0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. "Alice Smith, room 2"u8]);

        AssertRefused(output, "ICC_PROFILE");
    }

    [TestMethod]
    public void VerifyClean_RealIccProfile_Succeeds()
    {
        var output = JpegSurgery.InsertAfterSoi(CleanJpeg(), 0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. Encode.IccTestProfiles.FromCamera()]);

        Assert.IsTrue(MetadataVerifier.VerifyClean(output).IsSuccess);
    }

    [TestMethod]
    public void VerifyClean_CameraJpeg_FailsNamingExif()
    {
        AssertRefused(File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "gps", "DSCN0010.jpg")), "EXIF");
    }

    [TestMethod]
    public void VerifyClean_XmpOnlyJpeg_FailsNamingXmp()
    {
        AssertRefused(File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "xmp", "no_exif.jpg")), "XMP");
    }

    [TestMethod]
    public void VerifyClean_BytesAfterEndOfImage_Fails()
    {
        AssertRefused([.. CleanJpeg(), .. "secret trailer"u8], "after the end of the image");
    }

    [TestMethod]
    public void VerifyClean_TwoImagesOneAfterTheOther_Fails()
    {
        var jpeg = CleanJpeg();

        AssertRefused([.. jpeg, .. jpeg], "after the end of the image");
    }

    [TestMethod]
    public void VerifyClean_Comment_Fails()
    {
        AssertRefused(JpegSurgery.InsertAfterSoi(CleanJpeg(), 0xFE, "Alice, room 2"u8.ToArray()), "COM");
    }

    [TestMethod]
    public void VerifyClean_IptcSegment_Fails()
    {
        AssertRefused(JpegSurgery.InsertAfterSoi(CleanJpeg(), 0xED, [.. "Photoshop 3.0\0"u8, .. "8BIM"u8, 4, 4, 0, 0, 0, 0, 0, 0]), "APP13");
    }

    [TestMethod]
    public void VerifyClean_MultiPictureSegment_Fails()
    {
        AssertRefused(JpegSurgery.InsertAfterSoi(CleanJpeg(), 0xE2, [.. "MPF\0"u8, .. "MM\0*\0\0\0\x08"u8]), "MPF");
    }

    [TestMethod]
    public void VerifyClean_JfifThumbnail_Fails()
    {
        var jpeg = CleanJpeg();
        Assert.AreEqual(0xE0, jpeg[3], "test setup: the encoder's 18-byte JFIF segment is expected at offset 2");
        var withThumbnail = JpegSurgery.InsertAfterSoi([0xFF, 0xD8, .. jpeg[20..]], 0xE0, JpegSurgery.JfifWithThumbnail());

        AssertRefused(withThumbnail, "thumbnail");
    }

    [TestMethod]
    public void VerifyClean_Png_Fails()
    {
        AssertRefused(SyntheticImages.Png(SyntheticImages.Quadrants(8, 8)), "not a JPEG");
    }

    [TestMethod]
    public void VerifyClean_TruncatedJpeg_Fails()
    {
        var jpeg = CleanJpeg();

        AssertRefused(jpeg[..(jpeg.Length - 10)], "not readable");
    }
}
