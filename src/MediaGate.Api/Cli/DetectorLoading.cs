using MediaGate.Ingest;
using MediaGate.Ingest.Detect;

namespace MediaGate.Api.Cli;

/// <summary>Opens the model registry (installed models plus the --models folder) and creates the detector.</summary>
internal static class DetectorLoading
{
    public static Outcome<IFaceDetector> Load(string? modelsDir, string? name)
    {
        if (modelsDir is { Length: > 0 } && !Directory.Exists(modelsDir))
        {
            return new IngestFailure(IngestFailureKind.Io, $"The models folder '{modelsDir}' does not exist.");
        }

        return FaceDetectorFactory.Open(modelsDir, name);
    }
}
