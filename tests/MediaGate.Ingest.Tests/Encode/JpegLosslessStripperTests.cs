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

    /// <summary>The profile description MetadataExtractor reads from the output, or null when there is no profile.</summary>
    private static string? IccDescription(byte[] jpeg)
    {
        using var stream = new MemoryStream(jpeg);
        return MetadataExtractor.ImageMetadataReader.ReadMetadata(stream)
            .OfType<MetadataExtractor.Formats.Icc.IccDirectory>()
            .Select(d => d.GetDescription(MetadataExtractor.Formats.Icc.IccDirectory.TagTagDesc))
            .FirstOrDefault();
    }

    private static RgbImage Decode(byte[] jpeg)
    {
        var photo = PhotoReader.ReadUpright(jpeg, Limits);
        Assert.IsTrue(photo.IsSuccess, photo.Failure?.ToString());
        return photo.Value.Image;
    }

    [TestMethod]
    public void Strip_CameraJpegOrientationOne_SameCoefficientsSamePixels()
    {
        var original = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"));

        var stripped = JpegLosslessStripper.Strip(original, 1);

        // The transcoder writes the same coefficients with its own tables: pixel for pixel the same picture.
        Assert.IsTrue(stripped.IsSuccess, stripped.Failure?.ToString());
        Assert.AreEqual(0, SyntheticImages.MaxDifference(Decode(original), Decode(stripped.Value)));
        Assert.IsLessThan(original.Length, stripped.Value.Length);
        Assert.AreEqual("sRGB IEC61966-2.1", IccDescription(stripped.Value), "the camera's real sRGB profile stays");
    }

    [TestMethod]
    public void Strip_BytesBetweenLastScanAndEoi_NotCopied()
    {
        // Recipe: a clean JPEG with a secret written between its last scan's data and EOI.
        var clean = JpegEncoder.Encode(SyntheticImages.Quadrants(64, 48)).Value;
        byte[] dirty = [.. clean[..^2], .. "hidden payload"u8, 0xFF, 0xD9];

        var stripped = JpegLosslessStripper.Strip(dirty, 1);

        // libjpeg warns about the extraneous bytes before EOI: the lossless path declines, the decoder
        // (which tolerates exactly that warning) re-encodes from pixels; either way no byte of it survives.
        Assert.AreEqual(IngestFailureKind.EncodeFailed, stripped.Failure?.Kind, stripped.Failure?.ToString());
        var photo = new PhotoContext(dirty);
        Assert.IsTrue(new IngestPipeline(null, new IngestOptions()).Strip(photo).IsSuccess);
        Assert.AreEqual(OutputMethod.Reencoded, photo.Method);
        Assert.IsFalse(JpegSurgery.Contains(photo.Output!, "hidden"));
    }

    [TestMethod]
    public void Strip_UnusedHuffmanSymbols_NotCopied()
    {
        // Recipe: an extra DHT before SOS defining AC table slot 3, which no scan references, whose 16
        // symbol values spell a secret.
        var clean = JpegEncoder.Encode(SyntheticImages.Quadrants(64, 48)).Value;
        byte[] counts = [0, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] dht = [0x13, .. counts, .. "SECRET-SYMBOLS!!"u8];
        var sos = clean.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        byte[] dirty = [.. clean[..sos], 0xFF, 0xC4, 0, (byte)(dht.Length + 2), .. dht, .. clean[sos..]];
        Assert.IsTrue(JpegSurgery.Contains(dirty, "SECRET"), "test setup");

        var stripped = JpegLosslessStripper.Strip(dirty, 1);

        Assert.IsTrue(stripped.IsSuccess, stripped.Failure?.ToString());
        Assert.IsFalse(JpegSurgery.Contains(stripped.Value, "SECRET"));
        Assert.AreEqual(0, SyntheticImages.MaxDifference(Decode(clean), Decode(stripped.Value)));
    }

    [TestMethod]
    public void Strip_TruncatedScanWithEoiAppended_FailsCorrupt()
    {
        // Recipe: a camera JPEG cut in the middle of its scan data, with FF D9 appended so that the
        // segment walk sees a complete file; only decoding every block shows the data ends early.
        // The last SOS is the main image's (the EXIF thumbnail has its own SOS earlier in the file).
        var jpeg = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"));
        var scan = jpeg.AsSpan().LastIndexOf([(byte)0xFF, (byte)0xDA]);
        byte[] truncated = [.. jpeg[..(scan + ((jpeg.Length - scan) / 2))], 0xFF, 0xD9];

        var stripped = JpegLosslessStripper.Strip(truncated, 1);
        var outcome = new IngestPipeline(null, new IngestOptions()).Strip(new PhotoContext(truncated));

        Assert.AreEqual(IngestFailureKind.Corrupt, stripped.Failure?.Kind);
        Assert.Contains("premature end", stripped.Failure!.Message, "libjpeg, not the segment walk, must find it");
        Assert.AreEqual(IngestFailureKind.Corrupt, outcome.Failure?.Kind);
    }

    [TestMethod]
    public void Strip_TwelveBitPrecision_FailsUnsupported()
    {
        // Recipe: a clean baseline JPEG whose SOF0 precision byte is changed from 8 to 12.
        var jpeg = JpegEncoder.Encode(SyntheticImages.Quadrants(64, 48)).Value;
        var sof = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        jpeg[sof + 4] = 12;

        var outcome = new IngestPipeline(null, new IngestOptions()).Strip(new PhotoContext(jpeg));

        Assert.AreEqual(IngestFailureKind.UnsupportedFormat, outcome.Failure?.Kind);
        Assert.AreEqual(IngestFailureKind.Corrupt, JpegLosslessStripper.Strip(jpeg, 1).Failure?.Kind, "the transcoder refuses it too");
    }

    [TestMethod]
    public void Strip_IccIdentifierCarryingNonProfile_Dropped()
    {
        // Recipe: APP2 "ICC_PROFILE" chunk 1 of 1 whose data is text, not a profile.
        var clean = JpegEncoder.Encode(SyntheticImages.Quadrants(64, 48)).Value;
        var withFake = JpegSurgery.InsertAfterSoi(clean, 0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. "fake-profile-bytes"u8]);

        var upright = JpegLosslessStripper.Strip(withFake, 1).Value;
        var rotated = JpegLosslessStripper.Strip(withFake, 6).Value;

        Assert.IsFalse(JpegSurgery.Contains(upright, "fake-profile-bytes"));
        Assert.IsFalse(JpegSurgery.Contains(rotated, "fake-profile-bytes"));
    }

    [TestMethod]
    public void Strip_RealIccProfile_KeptWithAndWithoutRotation()
    {
        var profile = IccTestProfiles.FromCamera();
        var clean = JpegEncoder.Encode(SyntheticImages.Quadrants(64, 48)).Value;
        var withProfile = JpegSurgery.InsertAfterSoi(clean, 0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. profile]);

        var upright = JpegLosslessStripper.Strip(withProfile, 1).Value;
        var rotated = JpegLosslessStripper.Strip(withProfile, 6).Value;

        Assert.AreEqual("sRGB IEC61966-2.1", IccDescription(upright));
        Assert.AreEqual("sRGB IEC61966-2.1", IccDescription(rotated));
        Assert.IsTrue(MetadataVerifier.VerifyClean(rotated).IsSuccess);
    }

    [TestMethod]
    public void Strip_IccProfileWithPayloadAfterItsTags_Dropped()
    {
        // Recipe: a real profile with 64 bytes of text appended and its size field raised to match, so the
        // declared size is right but the extra bytes belong to no tag.
        var profile = IccTestProfiles.FromCamera();
        byte[] padded = [.. profile, .. System.Text.Encoding.ASCII.GetBytes(new string('Z', 60) + "LEAK")];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(padded, (uint)padded.Length);
        var clean = JpegEncoder.Encode(SyntheticImages.Quadrants(64, 48)).Value;
        var withProfile = JpegSurgery.InsertAfterSoi(clean, 0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. padded]);

        var stripped = JpegLosslessStripper.Strip(withProfile, 1).Value;

        Assert.IsFalse(JpegSurgery.Contains(stripped, "LEAK"));
        Assert.IsNull(IccDescription(stripped));
    }

    [TestMethod]
    public void Strip_GpsCameraJpeg_OutputVerifiesClean()
    {
        var original = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "gps", "DSCN0010.jpg"));
        Assert.IsFalse(MetadataVerifier.VerifyClean(original).IsSuccess, "test setup: the input carries GPS EXIF");

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
            Assert.IsLessThan(PixelThresholds.LosslessAtMost, SyntheticImages.MeanDifference(expected, Decode(stripped.Value)), $"orientation {orientation}");
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
                Assert.IsLessThan(PixelThresholds.SameSampleUprightAtMost, SyntheticImages.MeanDifference(reference, output.Image), $"{shape}_{orientation}");
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
        Assert.IsGreaterThan(80, files.Count, "the exif-samples corpus is there");
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
