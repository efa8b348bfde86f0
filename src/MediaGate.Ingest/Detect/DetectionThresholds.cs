namespace MediaGate.Ingest.Detect;

/// <summary>
/// Score thresholds of one model (models/manifest.json). Everything at or above <see cref="Doubt"/> is masked.
/// A face is certain when it scores at or above <see cref="Release"/> and the verifier confirms it; with no
/// verifier installed, when it scores at or above <see cref="ReleaseAlone"/>. Every other masked face is faint
/// (product.md, "Who is in a photo"). For a verifier entry, <see cref="Release"/> = <see cref="Doubt"/> = its
/// confirm threshold.
/// </summary>
public sealed record DetectionThresholds(float Release, float Doubt)
{
    private readonly float? _releaseAlone;

    /// <summary>The release threshold when no verifier is installed; defaults to <see cref="Release"/>.</summary>
    public float ReleaseAlone
    {
        get => _releaseAlone ?? Release;
        init => _releaseAlone = value;
    }

    public bool IsValid => Doubt > 0f && Doubt <= Release && Release <= 1f && Doubt <= ReleaseAlone && ReleaseAlone <= 1f;
}
