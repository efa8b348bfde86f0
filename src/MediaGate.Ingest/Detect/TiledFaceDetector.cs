using Microsoft.ML.OnnxRuntime;

namespace MediaGate.Ingest.Detect;

/// <summary>
/// The multi-scale, tiled detection loop shared by every model family: plan the passes
/// (<see cref="DetectionPlanner"/>), resize the photo once per level, run the model on each tile, drop
/// boxes cut by a tile side, map boxes back to the photo and merge them (<see cref="NonMaximumSuppression"/>).
/// Every merged face at or above the doubt threshold is returned (and masked); it is certain only when it
/// reaches the release threshold and the verifier, when one is installed, confirms it (else, alone, when it
/// reaches the release-alone threshold); every other face is faint (<see cref="DetectedFace.Uncertain"/>).
/// Thread-safe: the sessions are shared, everything else is per call.
/// </summary>
internal abstract class TiledFaceDetector : IFaceDetector
{
    // Candidates are gathered from this score up whatever the doubt threshold, so that the merged result at
    // any doubt threshold equals the result at this floor filtered by score (what the benchmark's sweep reads).
    private static readonly float CandidateFloor = 0.3f;

    // The second look reports scores from here up: a low rescore is evidence too.
    private const float RescoreFloor = 0.05f;

    protected TiledFaceDetector(string name, InferenceSession session, MultiScaleSettings settings, DetectionThresholds thresholds, FaceVerifier? verifier)
    {
        Name = name;
        Session = session;
        Settings = settings;
        Thresholds = thresholds;
        Verifier = verifier;
    }

    public string Name { get; }

    public MultiScaleSettings Settings { get; }

    public DetectionThresholds Thresholds { get; }

    /// <summary>The second opinion on which faces are certain; null when none is installed.</summary>
    public FaceVerifier? Verifier { get; }

    protected InferenceSession Session { get; }

    /// <summary>False for a detector made by <see cref="WithPasses"/>: its sessions belong to the detector it was made from.</summary>
    protected bool OwnsSessions { get; init; } = true;

    /// <summary>
    /// A detector with other passes (<paramref name="settings"/>) on this one's sessions, thresholds and verifier: the
    /// service's video lane follows faces with the video passes on the photo detector's models instead of loading them twice.
    /// Disposing it leaves the sessions open; they close with this detector.
    /// </summary>
    public TiledFaceDetector WithPasses(MultiScaleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Sibling(settings);
    }

    /// <summary>A detector of the same family with <paramref name="settings"/> on this one's sessions, not owning them
    /// (<c>OwnsSessions = false</c>).</summary>
    protected abstract TiledFaceDetector Sibling(MultiScaleSettings settings);

    public Outcome<IReadOnlyList<DetectedFace>> Detect(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        try
        {
            var pyramid = new List<RgbImage>();
            return Judge(FindCandidates(image, pyramid), image, pyramid);
        }
        catch (OnnxRuntimeException e)
        {
            return new IngestFailure(IngestFailureKind.DetectionFailed, $"{Name}: the model failed: {e.Message}");
        }
    }

    /// <summary>The faces among <paramref name="candidates"/> (<see cref="FindCandidates"/>): merged, looked at
    /// again when <see cref="MultiScaleSettings.Cascade"/> is set, at or above the doubt threshold, clipped to
    /// the photo. Throws <see cref="OnnxRuntimeException"/> when the model fails.</summary>
    internal List<DetectedFace> Judge(List<ScoredBox> candidates, RgbImage image, IReadOnlyList<RgbImage>? pyramid = null)
    {
        var faces = Confidences(candidates, image, pyramid);
        return ToFaces(faces, Certain(faces, image, pyramid, Verifier, Thresholds), image);
    }

    /// <summary>The merged faces at or above the doubt threshold with their confidence (after the second look
    /// when <see cref="MultiScaleSettings.Cascade"/> is set), best first; boxes not yet clipped to the photo.
    /// Throws <see cref="OnnxRuntimeException"/> when the model fails.</summary>
    internal List<(FaceBox Box, float Confidence)> Confidences(List<ScoredBox> candidates, RgbImage image, IReadOnlyList<RgbImage>? pyramid = null)
    {
        var cascade = Settings.Cascade;
        var floor = Math.Min(CandidateFloor, Thresholds.Doubt);
        var merged = NonMaximumSuppression.MergeCandidates(candidates, Settings.MergeIntersectionOverUnion, Settings.MergeIntersectionOverSmaller)
            .Where(c => CandidateJudge.First(c, Settings.FuseLevels) >= floor)
            .OrderBy(c => CandidateJudge.First(c, Settings.FuseLevels))
            .ToList();
        var budget = cascade?.MaxTensorPixels ?? 0L;
        var faces = new List<(FaceBox Box, float Confidence)>();
        foreach (var c in merged)
        {
            var candidate = c;
            if (cascade is not null && CandidateJudge.First(c, Settings.FuseLevels) < cascade.SkipAbove)
            {
                var (_, _, tensorWidth, tensorHeight) = CascadeCrop.Plan(c.Box, image.Width, image.Height, cascade);
                if ((long)tensorWidth * tensorHeight <= budget)
                {
                    budget -= (long)tensorWidth * tensorHeight;
                    candidate = c with { Rescore = Rescore(image, c.Box, cascade, pyramid) };
                }
            }

            var confidence = CandidateJudge.Confidence(candidate, Settings.FuseLevels, cascade?.Weight ?? 0f);
            if (confidence >= Thresholds.Doubt)
            {
                faces.Add((candidate.Box, confidence));
            }
        }

        // Best first: the verifier's budget goes to the likeliest faces.
        faces.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
        return faces;
    }

    /// <summary>Which faces (best first) are certain: at or above release and confirmed by
    /// <paramref name="verifier"/>, or, with none, at or above release-alone. Faces past the verifier's budget stay
    /// faint. Throws <see cref="OnnxRuntimeException"/> when the verifier fails.</summary>
    internal static bool[] Certain(
        List<(FaceBox Box, float Confidence)> faces, RgbImage image, IReadOnlyList<RgbImage>? pyramid, FaceVerifier? verifier, DetectionThresholds thresholds)
    {
        var certain = new bool[faces.Count];
        if (verifier is null)
        {
            for (var i = 0; i < faces.Count; i++)
            {
                certain[i] = faces[i].Confidence >= thresholds.ReleaseAlone;
            }

            return certain;
        }

        var asked = Enumerable.Range(0, faces.Count).Where(i => faces[i].Confidence >= thresholds.Release).ToList();
        var scores = verifier.Score(image, asked.Select(i => faces[i].Box).ToList(), pyramid);
        for (var k = 0; k < asked.Count; k++)
        {
            // NaN (not looked at) fails the comparison: faint.
            certain[asked[k]] = scores[k] >= verifier.Confirm;
        }

        return certain;
    }

    /// <summary>The faces clipped to the photo, faint unless <paramref name="certain"/>; those wholly outside dropped.</summary>
    internal static List<DetectedFace> ToFaces(List<(FaceBox Box, float Confidence)> faces, bool[] certain, RgbImage image)
    {
        var result = new List<DetectedFace>(faces.Count);
        for (var i = 0; i < faces.Count; i++)
        {
            if (ToFace(faces[i].Box, faces[i].Confidence, image, certain[i]) is { } face)
            {
                result.Add(face);
            }
        }

        return result;
    }

    /// <summary>Every box of every pass, in photo pixels with its level, before merging (the benchmark
    /// replays merging rules on these). Throws <see cref="OnnxRuntimeException"/> when the model fails.</summary>
    internal List<ScoredBox> FindCandidates(RgbImage image, List<RgbImage>? pyramid = null)
    {
        var plan = DetectionPlanner.Plan(image.Width, image.Height, Settings);
        var found = new List<ScoredBox>();
        var windowBoxes = new List<ScoredBox>();
        var finer = image;
        var finerScale = 1d;

        // Finest level first, so that each coarser level is shrunk from the last one rather than from the
        // whole 12 MP photo again (an area average of an area average).
        for (var l = plan.Levels.Count - 1; l >= 0; l--)
        {
            var level = plan.Levels[l];
            var source = level.Scale * 1.5 <= finerScale ? finer : image;
            var levelImage = ImageResampler.Resize(source, level.Width, level.Height);
            if (pyramid is not null && level.Scale < 1d)
            {
                pyramid.Add(levelImage);
            }

            if (level.Scale < finerScale)
            {
                (finer, finerScale) = (levelImage, level.Scale);
            }

            SearchLevel(levelImage, plan, l, mirrored: false, found, windowBoxes);
            if (l < Settings.MirroredLevels)
            {
                SearchLevel(ImageMirror.Horizontal(levelImage), plan, l, mirrored: true, found, windowBoxes);
            }
        }

        return found;
    }

    /// <summary>Level id of a pass over the mirrored photo: distinct from every plain level, so that fusing
    /// scores counts it as one more look (<see cref="NonMaximumSuppression"/>).</summary>
    internal static int MirroredLevelId(int level) => -1 - level;

    private void SearchLevel(RgbImage levelImage, DetectionPlan plan, int l, bool mirrored, List<ScoredBox> found, List<ScoredBox> windowBoxes)
    {
        var level = plan.Levels[l];
        foreach (var window in plan.Windows.Where(w => w.Level == l))
        {
            windowBoxes.Clear();
            RunWindow(levelImage, window, Math.Min(CandidateFloor, Thresholds.Doubt), windowBoxes);
            foreach (var candidate in windowBoxes)
            {
                if (!window.IsCutByNeighbour(candidate.Box))
                {
                    var box = candidate.Box.ToImage(window.Tile.X, window.Tile.Y, 1f);
                    box = mirrored ? box.MirrorHorizontally(levelImage.Width) : box;
                    var points = candidate.Landmarks?.ToImage(window.Tile.X, window.Tile.Y, 1f);
                    points = mirrored ? points?.MirrorHorizontally(levelImage.Width) : points;
                    found.Add(candidate with
                    {
                        Box = box.ToImage(0f, 0f, (float)level.Scale),
                        Level = mirrored ? MirroredLevelId(l) : l,
                        Landmarks = points?.ToImage(0f, 0f, (float)level.Scale),
                    });
                }
            }
        }
    }

    /// <summary>The second look at one candidate (<see cref="CascadeCrop"/>): the model on a crop around it at
    /// a scale it is good at; the best score of a box there on the same face, 0 when it finds none.
    /// Throws <see cref="OnnxRuntimeException"/> when the model fails.</summary>
    internal float Rescore(RgbImage image, FaceBox face, CascadeSettings cascade, IReadOnlyList<RgbImage>? pyramid = null)
    {
        var (crop, scale, tensorWidth, tensorHeight) = CascadeCrop.Plan(face, image.Width, image.Height, cascade);
        var width = Math.Clamp((int)Math.Round(crop.Width * scale), 1, tensorWidth);
        var height = Math.Clamp((int)Math.Round(crop.Height * scale), 1, tensorHeight);

        // Shrink from the smallest level already made that is still at least as large as the crop needs
        // (a 12 MP photo is not read again for every candidate); the crop is then those level pixels.
        var source = pyramid?.Where(p => (double)p.Width / image.Width >= scale).MinBy(p => p.Width) ?? image;
        var region = source == image ? crop : CascadeCrop.MapToLevel(crop, (double)source.Width / image.Width, source.Width, source.Height);
        var cropped = ImageResampler.ResizeRegion(source, region, width, height);
        cropped = cascade.Mirrored ? ImageMirror.Horizontal(cropped) : cropped;
        var window = new InferenceWindow(0, new PixelRect(0, 0, width, height), tensorWidth, tensorHeight, false, false, false, false);
        var boxes = new List<ScoredBox>();
        RunWindow(cropped, window, RescoreFloor, boxes);
        if (cascade.Mirrored)
        {
            boxes = boxes.Select(b => b with { Box = b.Box.MirrorHorizontally(width) }).ToList();
        }

        // Tensor pixels -> source pixels -> photo pixels.
        var toPhoto = (double)image.Width / source.Width;
        var (sx, sy) = ((float)(width / (region.Width * toPhoto)), (float)(height / (region.Height * toPhoto)));
        var (ox, oy) = ((float)(region.X * toPhoto), (float)(region.Y * toPhoto));
        return CascadeCrop.Rescore(face, boxes.Select(b => b with
        {
            Box = new FaceBox((b.Box.X / sx) + ox, (b.Box.Y / sy) + oy, b.Box.Width / sx, b.Box.Height / sy),
        }));
    }

    public void Dispose()
    {
        if (OwnsSessions)
        {
            Verifier?.Dispose();
            Session.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the model on one window and adds every box scoring at least
    /// <paramref name="minScore"/>, in tensor pixels, to <paramref name="into"/>.</summary>
    protected abstract void RunWindow(RgbImage levelImage, InferenceWindow window, float minScore, List<ScoredBox> into);

    /// <summary>Clips a box to the photo; null when nothing of it is inside.</summary>
    internal static DetectedFace? ToFace(FaceBox b, float score, RgbImage image, bool certain)
    {
        var left = Math.Clamp(b.X, 0f, image.Width);
        var top = Math.Clamp(b.Y, 0f, image.Height);
        var right = Math.Clamp(b.Right, 0f, image.Width);
        var bottom = Math.Clamp(b.Bottom, 0f, image.Height);
        if (!(right > left && bottom > top))
        {
            return null;
        }

        return new DetectedFace(left, top, right - left, bottom - top, score, Uncertain: !certain);
    }
}
