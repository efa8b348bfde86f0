using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Orient;
using MediaGate.Ingest.Tests.Decode;
using MediaGate.Ingest.Tests.Verify;
using MediaGate.Ingest.Verify;

namespace MediaGate.Ingest.Tests.Encode;

[TestClass]
public sealed class JpegLosslessStripperTests
{
    private static readonly IngestLimits Limits = new();

    public TestContext TestContext { get; set; } = null!;

    private static RgbImage Decode(byte[] jpeg)
    {
        var photo = PhotoReader.ReadUpright(jpeg, Limits);
        Assert.IsTrue(photo.IsSuccess, photo.Failure?.ToString());
        return photo.Value.Image;
    }

    [TestMethod]
    public void Strip_CameraJpegOrientationOne_KeepsScanDataByteIdentical()
    {
        var original = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"));

        var stripped = JpegLosslessStripper.Strip(original, 1);

        Assert.IsTrue(stripped.IsSuccess, stripped.Failure?.ToString());
        CollectionAssert.AreEqual(JpegSurgery.ScanData(original), JpegSurgery.ScanData(stripped.Value));
        Assert.AreEqual(0, SyntheticImages.MaxDifference(Decode(original), Decode(stripped.Value)));
        Assert.IsLessThan(original.Length, stripped.Value.Length);
    }

    [TestMethod]
    public void Strip_GpsCameraJpeg_OutputVerifiesClean()
    {
        var original = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "gps", "DSCN0010.jpg"));
        Assert.IsFalse(MetadataVerifier.VerifyClean(original).IsSuccess, "test setup: the input should carry GPS EXIF");

        var stripped = JpegLosslessStripper.Strip(original, 1);

        var verdict = MetadataVerifier.VerifyClean(stripped.Value);
        Assert.IsTrue(verdict.IsSuccess, verdict.Failure?.ToString());
    }

    [TestMethod]
    public void Strip_CommentExifJfifThumbnailAndTrailer_AllRemoved()
    {
        var clean = JpegEncoder.Encode(SyntheticImages.Quadrants(64, 48)).Value;
        var dirty = JpegSurgery.InsertAfterSoi([0xFF, 0xD8, .. clean[20..]], 0xFE, "Alice Smith"u8.ToArray());
        dirty = JpegSurgery.InsertAfterSoi(dirty, 0xE1, JpegSurgery.Exif("Bob at nursery"));
        dirty = JpegSurgery.InsertAfterSoi(dirty, 0xE0, JpegSurgery.JfifWithThumbnail());
        dirty = [.. dirty, .. "trailing secret"u8];

        var stripped = JpegLosslessStripper.Strip(dirty, 1);

        Assert.IsTrue(stripped.IsSuccess, stripped.Failure?.ToString());
        var verdict = MetadataVerifier.VerifyClean(stripped.Value);
        Assert.IsTrue(verdict.IsSuccess, verdict.Failure?.ToString());
        Assert.IsFalse(JpegSurgery.Contains(stripped.Value, "Alice"));
        Assert.IsFalse(JpegSurgery.Contains(stripped.Value, "Bob"));
        Assert.IsFalse(JpegSurgery.Contains(stripped.Value, "secret"));
        Assert.AreEqual(0, SyntheticImages.MaxDifference(Decode(clean), Decode(stripped.Value)));
    }

    [TestMethod]
    public void Strip_IccProfile_KeptWithAndWithoutRotation()
    {
        var clean = JpegEncoder.Encode(SyntheticImages.Quadrants(64, 48)).Value;
        var withProfile = JpegSurgery.InsertAfterSoi(clean, 0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. "fake-profile-bytes"u8]);

        var upright = JpegLosslessStripper.Strip(withProfile, 1).Value;
        var rotated = JpegLosslessStripper.Strip(withProfile, 6).Value;

        Assert.IsTrue(JpegSurgery.Contains(upright, "fake-profile-bytes"));
        Assert.IsTrue(JpegSurgery.Contains(rotated, "fake-profile-bytes"));
    }

    [TestMethod]
    public void Strip_WholeMcuImageEveryOrientation_LosslesslyUpright()
    {
        // 64x48 is a whole number of 16x16 MCUs (4:2:0), so every transform is perfect.
        var jpeg = JpegEncoder.Encode(SyntheticImages.Quadrants(64, 48)).Value;
        var decoded = Decode(jpeg);
        for (var orientation = 2; orientation <= 8; orientation++)
        {
            var stripped = JpegLosslessStripper.Strip(jpeg, orientation);

            Assert.IsTrue(stripped.IsSuccess, $"{orientation}: {stripped.Failure}");
            var expected = Orientation.ApplyExif(decoded.Clone(), orientation);
            // DCT-domain transforms keep every coefficient; only chroma upsampling at block edges may differ slightly.
            Assert.IsLessThan(1.0, SyntheticImages.MeanDifference(expected, Decode(stripped.Value)), $"orientation {orientation}");
            Assert.IsTrue(MetadataVerifier.VerifyClean(stripped.Value).IsSuccess);
        }
    }

    [TestMethod]
    public void Strip_PartialMcuImageRotated_FailsSoCallerReencodes()
    {
        var jpeg = JpegEncoder.Encode(SyntheticImages.Quadrants(70, 50)).Value;

        var stripped = JpegLosslessStripper.Strip(jpeg, 6);

        Assert.AreEqual(IngestFailureKind.EncodeFailed, stripped.Failure?.Kind);
    }

    [TestMethod]
    public void Strip_TruncatedJpeg_FailsCorrupt()
    {
        var jpeg = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"));

        Assert.AreEqual(IngestFailureKind.Corrupt, JpegLosslessStripper.Strip(jpeg[..(jpeg.Length / 2)], 1).Failure?.Kind);
    }

    [TestMethod]
    public void Strip_OrientationCorpus_ComesOutUpright()
    {
        foreach (var shape in new[] { "landscape", "portrait" })
        {
            var reference = Decode(File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "orientation", $"{shape}_1.jpg")));
            for (var orientation = 1; orientation <= 8; orientation++)
            {
                var input = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "orientation", $"{shape}_{orientation}.jpg"));

                var clean = CleanCopy.Make(input, Limits);

                Assert.IsTrue(clean.IsSuccess, clean.Failure?.ToString());
                Assert.IsTrue(MetadataVerifier.VerifyClean(clean.Value).IsSuccess);
                // Upright and orientation-free: decoding applies nothing more. Files differ by their own
                // number (about 15 levels on average); any wrong rotation or mirror differs by 43 or more.
                var output = PhotoReader.ReadUpright(clean.Value, Limits).Value;
                Assert.AreEqual(1, output.Header.Orientation);
                Assert.IsLessThan(25.0, SyntheticImages.MeanDifference(reference, output.Image), $"{shape}_{orientation}");
            }
        }
    }

    [TestMethod]
    public void Strip_EveryCorpusFile_OutputVerifiesCleanAndDecodesOrFailsTyped()
    {
        var files = System.IO.Directory.GetFiles(TestPaths.ExifSamples, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.IsGreaterThan(80, files.Count, "exif-samples corpus missing");
        var cleaned = 0;
        foreach (var file in files)
        {
            var clean = CleanCopy.Make(File.ReadAllBytes(file), Limits);
            if (!clean.IsSuccess)
            {
                TestContext.WriteLine($"refused {Path.GetRelativePath(TestPaths.ExifSamples, file)}: {clean.Failure}");
                continue;
            }

            var verified = MetadataVerifier.VerifyClean(clean.Value);
            Assert.IsTrue(verified.IsSuccess, $"{file}: {verified.Failure}");
            var decoded = PhotoReader.ReadUpright(clean.Value, Limits);
            Assert.IsTrue(decoded.IsSuccess, $"{file}: {decoded.Failure}");
            cleaned++;
        }

        TestContext.WriteLine($"{cleaned} of {files.Count} cleaned");
        Assert.IsGreaterThan(files.Count * 3 / 4, cleaned, "too few corpus files could be cleaned");
    }
}
