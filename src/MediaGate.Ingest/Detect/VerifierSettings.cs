namespace MediaGate.Ingest.Detect;

/// <summary>
/// How the second opinion (<see cref="FaceVerifier"/>) looks at a photo's candidates: each one is cut out with
/// <see cref="Context"/> face sides of surroundings, scaled into one cell of a <see cref="Grid"/> x
/// <see cref="Grid"/> mosaic of the model's fixed input, so that one model run checks up to Grid² candidates.
/// </summary>
public sealed record VerifierSettings
{
    /// <summary>The model's fixed input side (RetinaFace export: 640).</summary>
    public int InputSide { get; init; } = 640;

    /// <summary>Cells per side of the mosaic.</summary>
    public int Grid { get; init; } = 4;

    /// <summary>Crop side over face side.</summary>
    public float Context { get; init; } = 2.5f;

    /// <summary>Largest enlargement of the photo in a cell (small faces enlarged further only blur).</summary>
    public float MaxEnlargement { get; init; } = 2f;

    /// <summary>Model runs per photo at most: candidates past Grid² x this stay faint (masked, never certain).</summary>
    public int MaxRunsPerPhoto { get; init; } = 4;

    /// <summary>Least IoU between the candidate and the verifier's box for the verifier's score to count.</summary>
    public float MinOverlap { get; init; } = 0.3f;

    /// <summary>Side of one cell, in input pixels.</summary>
    public int CellSide => InputSide / Grid;

    public static VerifierSettings Default { get; } = new();
}
