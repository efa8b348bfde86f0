using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Verify;

namespace MediaGate.Ingest.Tests.Decode;

/// <summary>
/// Gremlin tests in the manner of metadata-extractor: damage real files at many seeded positions and require
/// every reader to return either a valid image or a typed failure, never an exception (fail closed).
/// </summary>
[TestClass]
public sealed class PhotoReaderGremlinTests
{
    private const int MutationsPerFile = 150;
    private static readonly IngestLimits Limits = new();

    /// <summary>What damaged bytes may come back as. Never Io, DetectionFailed, EncodeFailed: those would mean a reader mistook damage for something else.</summary>
    private static readonly IngestFailureKind[] DamageKinds =
    [
        IngestFailureKind.Empty, IngestFailureKind.UnknownFormat, IngestFailureKind.UnsupportedFormat,
        IngestFailureKind.TooManyPixels, IngestFailureKind.Corrupt,
    ];

    private static IEnumerable<object[]> Inputs()
    {
        var samples = TestPaths.ExifSamples;
        yield return ["jpeg-exif", File.ReadAllBytes(Path.Combine(samples, "jpg", "orientation", "portrait_6.jpg"))];
        yield return ["jpeg-camera", File.ReadAllBytes(Path.Combine(samples, "jpg", "Canon_40D.jpg"))];
        yield return ["jpeg-progressive", TurboJpegTestEncoder.Encode(SyntheticImages.Quadrants(96, 64).Pixels, 96, 64, 0, 2, progressive: true)];
        yield return ["png", SyntheticImages.Png(SyntheticImages.Quadrants(96, 64))];
        yield return ["webp", SyntheticImages.WebPLossy(SyntheticImages.Quadrants(96, 64), 80)];
        yield return ["heif", File.ReadAllBytes(Path.Combine(samples, "heic", "samplefilehub.heif"))];
        yield return ["tiff", File.ReadAllBytes(Path.Combine(samples, "tiff", "Arbitro.tiff"))];
    }

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public void ReadUpright_DamagedFile_ReturnsImageOrTypedFailure(string name, byte[] original)
    {
        var random = new Random(20240611 + name.Length);
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var damaged = Damage(original, random, out var what);

            var photo = PhotoReader.ReadUpright(damaged, Limits);
            var stripped = JpegLosslessStripper.Strip(damaged, 1 + (i % 8));
            var verified = MetadataVerifier.VerifyClean(damaged);

            if (photo.IsSuccess)
            {
                Assert.IsGreaterThan(0, photo.Value.Image.Width, $"{name} {what}");
                Assert.IsGreaterThanOrEqualTo((long)photo.Value.Image.Width * photo.Value.Image.Height * 3, photo.Value.Image.Pixels.LongLength, $"{name} {what}");
            }
            else
            {
                Assert.Contains(photo.Failure.Kind, DamageKinds, $"{name} {what}: {photo.Failure}");
                Assert.IsFalse(string.IsNullOrWhiteSpace(photo.Failure.Message), $"{name} {what}");
            }

            // The other readers come back with a value (reaching here without an exception is the point) of a damage kind.
            if (!stripped.IsSuccess)
            {
                // EncodeFailed: the lossless transform refused the scan, and the pipeline falls back to decoding.
                Assert.Contains(stripped.Failure.Kind, [.. DamageKinds, IngestFailureKind.EncodeFailed], $"{name} {what}: {stripped.Failure}");
            }

            if (!verified.IsSuccess)
            {
                Assert.Contains(verified.Failure.Kind, [.. DamageKinds, IngestFailureKind.MetadataRemains], $"{name} {what}: {verified.Failure}");
            }
        }
    }

    /// <summary>Flips bytes (half of them in the first 2 KB, where headers live), truncates, or splices garbage in.</summary>
    private static byte[] Damage(byte[] original, Random random, out string what)
    {
        var copy = (byte[])original.Clone();
        switch (random.Next(3))
        {
            case 0:
                var flips = random.Next(1, 5);
                for (var f = 0; f < flips; f++)
                {
                    var limit = random.Next(2) == 0 ? Math.Min(2048, copy.Length) : copy.Length;
                    var at = random.Next(limit);
                    copy[at] = (byte)random.Next(256);
                }

                what = $"{flips} bytes changed";
                return copy;
            case 1:
                var length = random.Next(1, copy.Length);
                what = $"truncated to {length}";
                return copy[..length];
            default:
                var start = random.Next(copy.Length);
                var garbage = new byte[random.Next(1, 64)];
                random.NextBytes(garbage);
                what = $"{garbage.Length} garbage bytes at {start}";
                return [.. copy[..start], .. garbage, .. copy[start..]];
        }
    }
}
