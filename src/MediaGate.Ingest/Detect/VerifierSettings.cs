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

    /// <summary>Cells per side of the mosaic. Default 3 (cells of 213 px, the face about 85 px): on eval/faces-dev
    /// (bench recall --verifier-variants, yunet-n, confirm 0.9) faces brought larger were told apart better: 4x4
    /// (face 64 px) gave 0.03 certain false detections per photo and 72 of 88 single-face photos with one certain
    /// face, 3x3 gave 0.02 and 77; 2x2 with 3 face sides of context 0.05 and 78, at four times the runs.</summary>
    public int Grid { get; init; } = 3;

    /// <summary>Crop side over face side. Default 2.5: with a 4x4 mosaic, 3 face sides gave 66 of 88 single-face
    /// photos with one certain face, 2 gave 70, 2.5 gave 72 (confirm 0.9).</summary>
    public float Context { get; init; } = 2.5f;

    /// <summary>Largest enlargement of the photo in a cell (small faces enlarged further only blur).</summary>
    public float MaxEnlargement { get; init; } = 2f;

    /// <summary>Model runs per photo at most: candidates past Grid² x this stay faint (masked, never certain).
    /// Default 6: 54 candidates at or above release, more than the children of a nursery group.</summary>
    public int MaxRunsPerPhoto { get; init; } = 6;

    /// <summary>Least IoU between the candidate and the verifier's box for the verifier's score to count.</summary>
    public float MinOverlap { get; init; } = 0.3f;

    /// <summary>Side of one cell, in input pixels.</summary>
    public int CellSide => InputSide / Grid;

    public static VerifierSettings Default { get; } = new();
}
