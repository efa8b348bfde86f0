using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Verify;

namespace MediaGate.Ingest.Tests.Encode;

[TestClass]
public sealed class JpegLosslessStripperTests
{
    private static readonly IngestLimits Limits = new();

    public TestContext TestContext { get; set; } = null!;

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
