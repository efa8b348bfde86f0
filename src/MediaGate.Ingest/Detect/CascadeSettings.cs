namespace MediaGate.Ingest.Detect;

/// <summary>
/// The second look at each merged candidate (<see cref="CascadeCrop"/>): the model runs again on a crop
/// centred on it with <see cref="Context"/> face sides of surroundings, resized so that the face is about
/// <see cref="TargetSide"/> pixels but enlarged at most <see cref="MaxEnlargement"/> times (small faces
/// enlarged further only blur). The candidate's confidence becomes a geometric blend of both looks
/// (<see cref="CandidateJudge"/>).
/// </summary>
public sealed record CascadeSettings
{
    /// <summary>Face side (mean of width and height) the crop is resized to, in tensor pixels.</summary>
    public required float TargetSide { get; init; }

    /// <summary>Largest enlargement of the photo in a crop.</summary>
    public required float MaxEnlargement { get; init; }

    /// <summary>Crop side over face side: the context the model sees around the face.</summary>
    public required float Context { get; init; }

    /// <summary>Look at the left-right mirror of the crop.</summary>
    public bool Mirrored { get; init; }

    /// <summary>Weight w of the second look: confidence = first^(1 - w) x second^w.</summary>
    public float Weight { get; init; } = 0.25f;

    /// <summary>A candidate whose first score is at least this is not looked at again (it stays certain
    /// whatever the second look says, and crowds of clear faces cost no second runs).</summary>
    public float SkipAbove { get; init; } = 1.1f;

    /// <summary>Tensor pixels the second looks at one photo may use in all (bounds the cost on a crowded
    /// 12 MP photo). Candidates are looked at from the least sure up; those past the budget keep their first
    /// score, as without a cascade (still masked when at or above doubt).</summary>
    public long MaxTensorPixels { get; init; } = 500_000;

    /// <summary>Tensor sides are a multiple of this (YuNet: 32).</summary>
    public int Alignment { get; init; } = 32;
}
