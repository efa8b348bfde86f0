using MediaGate.Ingest;
using MediaGate.Ingest.Detect;

namespace MediaGate.Gate.Tests.Support;

/// <summary>
/// A face detector that fails, at the one boundary where a fake stands in for the real thing (the ONNX model):
/// it reports a detection failure, or throws like a bug would.
/// </summary>
internal sealed class BrokenDetector(bool throws) : IFaceDetector
{
    public string Name => "broken";

    public Outcome<IReadOnlyList<DetectedFace>> Detect(RgbImage image) =>
        throws
            ? throw new InvalidOperationException("the detector crashed")
            : new IngestFailure(IngestFailureKind.DetectionFailed, "the model returned no output");

    public void Dispose()
    {
    }
}
