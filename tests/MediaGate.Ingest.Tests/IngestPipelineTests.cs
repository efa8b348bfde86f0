using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Tests.Decode;

namespace MediaGate.Ingest.Tests;

[TestClass]
public sealed class IngestPipelineTests
{
    private static readonly IngestOptions Options = new();

    [TestMethod]
    public void Anonymise_NoDetector_FailsClosed()
    {
        var pipeline = new IngestPipeline(detector: null, Options);

        Outcome<PhotoContext> outcome = pipeline.Anonymise(new PhotoContext(SyntheticImages.Png(SyntheticImages.Quadrants(64, 48))));

        Assert.IsFalse(outcome.IsSuccess);
        Assert.AreEqual(IngestFailureKind.DetectionFailed, outcome.Failure!.Kind);
    }

    [TestMethod]
    public void Anonymise_DetectorFails_FailsClosedWithoutOutput()
    {
        using var detector = new ScriptedDetector(new IngestFailure(IngestFailureKind.DetectionFailed, "model crashed"));
        var pipeline = new IngestPipeline(detector, Options);
        var photo = new PhotoContext(SyntheticImages.Png(SyntheticImages.Quadrants(64, 48)));

        Outcome<PhotoContext> outcome = pipeline.Anonymise(photo);

        Assert.AreEqual(IngestFailureKind.DetectionFailed, outcome.Failure!.Kind);
        Assert.IsNull(photo.Output);
    }

    [TestMethod]
    public void Anonymise_OneFace_OutputIsCleanJpegWithFaceReplaced()
    {
        RgbImage source = SyntheticImages.Quadrants(160, 120);
        // A bright square "face" in the red quadrant: after masking, nothing of its white may remain.
        for (int y = 20; y < 40; y++)
        {
            for (int x = 20; x < 40; x++)
            {
                source.Row(y)[(x * 3)..((x * 3) + 3)].Fill(255);
            }
        }

        using var detector = new ScriptedDetector([new DetectedFace(20, 20, 20, 20, 0.9f, false)]);
        var pipeline = new IngestPipeline(detector, Options);
        var photo = new PhotoContext(SyntheticImages.Png(source));

        Outcome<PhotoContext> outcome = pipeline.Anonymise(photo);

        Assert.IsTrue(outcome.IsSuccess, outcome.Failure?.ToString());
        Assert.AreEqual(OutputMethod.Reencoded, photo.Method);
        RgbImage output = PhotoReader.ReadUpright(photo.Output, Options.Limits).Value.Image;
        ReadOnlySpan<byte> centre = output.Row(30).Slice(30 * 3, 3);
        Assert.IsLessThan(60, Math.Abs(centre[0] - 220) + centre[1] + centre[2], "the face is replaced by the red around it");
        Assert.IsTrue(photo.StepMilliseconds.ContainsKey("mask"));
    }

    [TestMethod]
    public void Strip_UprightCameraJpeg_TakesLosslessPath()
    {
        byte[] input = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"));
        var pipeline = new IngestPipeline(detector: null, Options);
        var photo = new PhotoContext(input);

        Outcome<PhotoContext> outcome = pipeline.Strip(photo);

        Assert.IsTrue(outcome.IsSuccess, outcome.Failure?.ToString());
        Assert.AreEqual(OutputMethod.Lossless, photo.Method);
        Assert.IsLessThan(input.Length, photo.Output!.Length);
    }

    [TestMethod]
    public void Strip_Png_ReencodedAsJpeg()
    {
        var pipeline = new IngestPipeline(detector: null, Options);
        var photo = new PhotoContext(SyntheticImages.Png(SyntheticImages.Quadrants(64, 48)));

        Outcome<PhotoContext> outcome = pipeline.Strip(photo);

        Assert.IsTrue(outcome.IsSuccess, outcome.Failure?.ToString());
        Assert.AreEqual(OutputMethod.Reencoded, photo.Method);
        Assert.AreEqual(0xFF, photo.Output![0]);
        Assert.AreEqual(0xD8, photo.Output[1]);
    }

    [TestMethod]
    public void Strip_TextFile_FailsWithUnknownFormat()
    {
        var pipeline = new IngestPipeline(detector: null, Options);

        Outcome<PhotoContext> outcome = pipeline.Strip(new PhotoContext("not a photo"u8.ToArray()));

        Assert.AreEqual(IngestFailureKind.UnknownFormat, outcome.Failure!.Kind);
    }

    /// <summary>A detector at the model boundary that answers what the test says.</summary>
    private sealed class ScriptedDetector(Outcome<IReadOnlyList<DetectedFace>> answer) : IFaceDetector
    {
        public ScriptedDetector(IngestFailure failure)
            : this(Outcome<IReadOnlyList<DetectedFace>>.Fail(failure))
        {
        }

        public ScriptedDetector(IReadOnlyList<DetectedFace> faces)
            : this(Outcome<IReadOnlyList<DetectedFace>>.Success(faces))
        {
        }

        public string Name => "scripted";

        public Outcome<IReadOnlyList<DetectedFace>> Detect(RgbImage image) => answer;

        public void Dispose()
        {
        }
    }
}
