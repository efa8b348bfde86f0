namespace MediaGate.Ingest.Detect;

/// <summary>
/// Which passes a detector makes over one photo: the whole photo at a bounded size (faces that fill the
/// frame), then finer scale levels cut into overlapping tiles (small faces in group photos), up to a
/// pixel budget that bounds time and memory on 12 MP tablet photos.
/// </summary>
public sealed record MultiScaleSettings
{
    /// <summary>Long side of the whole-photo pass, in tensor pixels.</summary>
    public required int WholeImageLongSide { get; init; }

    /// <summary>Largest enlargement of the photo at any level (small photos with tiny faces).</summary>
    public required double MaxScale { get; init; }

    /// <summary>Area (pixels) of the finest level: its scale is the largest with width x height at most this.</summary>
    public required long FinestLevelPixels { get; init; }

    /// <summary>Largest scale ratio between neighbouring levels: a detector covers about this range of face sizes.</summary>
    public required double MaxLevelRatio { get; init; }

    /// <summary>Largest tile side, in tensor pixels: bounds the model's working memory.</summary>
    public required int TileSide { get; init; }

    /// <summary>Least overlap of neighbouring tiles, in level pixels: faces smaller than this are whole in some tile.</summary>
    public required int TileOverlap { get; init; }

    /// <summary>Tensor width and height are rounded up to a multiple of this (YuNet: 32).</summary>
    public required int TensorAlignment { get; init; }

    /// <summary>True when the model takes only square <see cref="TileSide"/> tensors (BlazeFace: 256).</summary>
    public required bool FixedTensor { get; init; }

    /// <summary>Merging boxes from all passes: a box whose IoU with a better one exceeds this is the same face.
    /// Default 0.3: duplicates across tiles and scales overlap far more than neighbouring faces in a crowd.</summary>
    public float MergeIntersectionOverUnion { get; init; } = 0.3f;

    /// <summary>Merging: a box lying inside a better one by more than this share of its area is the same face
    /// found as a part of itself at another scale. Default 0.8; 1 disables the rule. Issue 12 measured 0.5 (a box
    /// mostly inside a better one is dropped) with YuNet-n on eval/faces-dev (bench recall --multi-scale
    /// nms-contain=0.5): false detections masked per photo 2.28 -> 2.20, but faces of 20 px and up masked 791 -> 789
    /// of 831 (95.2% -> 94.9%, under the 95% floor) and 69 -> 68 of 119 under 10 px, so it stays 0.8.</summary>
    public float MergeIntersectionOverSmaller { get; init; } = 0.8f;

    /// <summary>Merging: a face's score becomes the noisy-or of its best score at each level that found it
    /// (see <see cref="NonMaximumSuppression"/>). Default false.</summary>
    public bool FuseLevels { get; init; }

    /// <summary>The second look at each candidate (a size-aware two-stage cascade); null: none. See
    /// <see cref="CascadeSettings"/>.</summary>
    public CascadeSettings? Cascade { get; init; }

    /// <summary>How many of the coarsest levels are also searched in the left-right mirrored photo (coarse
    /// levels are small, so the first ones are cheap). A face found there counts as seen at one more level
    /// when scores are fused. Default 0: on eval/faces-dev (bench recall) mirroring every level raised faces of
    /// 20 px and up masked at about 1 false positive per photo only from 92.1% to 92.9%, at twice the cost;
    /// mirroring the coarsest level alone did not move that trade-off.</summary>
    public int MirroredLevels { get; init; }

    /// <summary>
    /// YuNet: whole photo at 640 px, levels at most 2x apart up to a finest level of about 3.2 MP (a 12 MP
    /// photo is searched at about half size, a 1 MP photo at twice its size), tiles of up to 768 px
    /// overlapping by 128 px, scores fused across levels. Tuned on eval/faces-dev with
    /// bench/MediaGate.Benchmarks recall: levels 2x rather than 3.2x apart took faces of 20 px and up
    /// from 92.5% to 94.1% masked at threshold 0.4; fusing levels gave the same recall at fewer false positives.
    /// Re-tuned later: levels 1.6x apart (+25% CPU on 12 MP) and any merging overlap from 0.2 to 0.45 IoU
    /// left recall at 1 false positive per photo within 0.3 points, so the plan stays as it is.
    /// Second look (issue 6): each candidate below 0.95 is run again on a crop of 6 face sides around it, the
    /// face brought to 48 px but never enlarged, and its confidence becomes fused^0.75 x second^0.25. Measured
    /// with bench tune (cached candidates, the same scorecard): at the doubt threshold that keeps >= 95% of faces
    /// of 20 px and up and >= 85% of 10-20 px masked, false positives per photo 2.9 -> 2.1 (2.3 with the
    /// per-photo budget, bench recall) and photos with one face released without review 28 -> 46 of 88; faces
    /// under 10 px masked fell from 65% to 58%. The crop's face size matters: 48 and 64 px gave 2.1, 40 px
    /// 2.9 and 32 px 2.6, so the gain is real but not robust to that choice; context mattered most (4 face sides: 2.6), enlarging small
    /// faces or a mirrored second look did not help, and YuNet's key points told faces from phantoms no better
    /// than chance (eye, nose and mouth geometry had the same spread on both), so they are not used.
    /// </summary>
    public static MultiScaleSettings YuNet { get; } = new()
    {
        WholeImageLongSide = 640,
        MaxScale = 2.0,
        FinestLevelPixels = 3_200_000,
        MaxLevelRatio = 2.0,
        TileSide = 768,
        TileOverlap = 128,
        TensorAlignment = 32,
        FixedTensor = false,
        FuseLevels = true,
        Cascade = new CascadeSettings { TargetSide = 48, MaxEnlargement = 1f, Context = 6f, Weight = 0.25f, SkipAbove = 0.95f },
    };

    /// <summary>BlazeFace back: fixed 256x256 input; whole photo letterboxed, then about 4x4 tiles.</summary>
    public static MultiScaleSettings BlazeFace { get; } = new()
    {
        WholeImageLongSide = BlazeFaceAnchors.InputSide,
        MaxScale = 2.0,
        FinestLevelPixels = 800_000,
        MaxLevelRatio = 2.5,
        TileSide = BlazeFaceAnchors.InputSide,
        TileOverlap = 64,
        TensorAlignment = 1,
        FixedTensor = true,
    };

    /// <summary>One pass over the whole photo at its own size (the benchmark's reference; unbounded memory).</summary>
    public static MultiScaleSettings SingleScaleFullSize { get; } = new()
    {
        WholeImageLongSide = int.MaxValue,
        MaxScale = 1.0,
        FinestLevelPixels = 0,
        MaxLevelRatio = 4.0,
        TileSide = int.MaxValue,
        TileOverlap = 0,
        TensorAlignment = 32,
        FixedTensor = false,
    };
}
