namespace MediaGate.Ingest.Detect;

/// <summary>One model in models/manifest.json.</summary>
/// <param name="Name">What configuration calls it ("yunet-n").</param>
/// <param name="Family">Which pre- and post-processing it needs.</param>
/// <param name="File">Its file name in a models folder.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file: any other file with that name is refused.</param>
/// <param name="Thresholds">Release and doubt thresholds, measured with bench/MediaGate.Benchmarks recall.</param>
public sealed record ModelEntry(string Name, ModelFamily Family, string File, string Sha256, DetectionThresholds Thresholds)
{
    /// <summary>Detector (default) or verifier (manifest "role").</summary>
    public ModelRole Role { get; init; } = ModelRole.Detector;
}
