namespace MediaGate.Ingest.Detect;

/// <summary>
/// Score thresholds of one model (models/manifest.json). At or above <see cref="Release"/> a face is
/// certain; from <see cref="Doubt"/> up to it, the face is masked and reported uncertain, so that the
/// consent engine holds the photo (product.md, "a face detected with low confidence" means hold).
/// </summary>
public sealed record DetectionThresholds(float Release, float Doubt)
{
    public bool IsValid => Doubt > 0f && Doubt <= Release && Release <= 1f;
}
