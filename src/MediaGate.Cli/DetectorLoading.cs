using MediaGate.Ingest;
using MediaGate.Ingest.Detect;

namespace MediaGate.Cli;

/// <summary>Opens the model registry (installed models plus the --models folder) and creates the detector.</summary>
internal static class DetectorLoading
{
    /// <summary>The detector; with <paramref name="useVerifier"/> false, without the second opinion (faint and certain
    /// then follow the detector's release-alone threshold, as when no verifier is installed).</summary>
    public static Outcome<IFaceDetector> Load(string? modelsDir, string? name, bool useVerifier = true)
    {
        if (modelsDir is { Length: > 0 } && !Directory.Exists(modelsDir))
        {
            return new IngestFailure(IngestFailureKind.Io, $"The models folder '{modelsDir}' does not exist.");
        }

        return FaceDetectorFactory.Open(modelsDir, name, new DetectorOptions { UseVerifier = useVerifier });
    }
}
