using Microsoft.ML.OnnxRuntime;

namespace MediaGate.Ingest.Detect;

/// <summary>
/// The multi-scale, tiled detection loop shared by every model family: plan the passes
/// (<see cref="DetectionPlanner"/>), resize the photo once per level, run the model on each tile, drop
/// boxes cut by a tile side, map boxes back to the photo and merge them (<see cref="NonMaximumSuppression"/>).
/// Thread-safe: the session is shared, everything else is per call.
/// </summary>
internal abstract class TiledFaceDetector : IFaceDetector
{
    // Candidates are gathered from this score up whatever the doubt threshold, so that the merged result at
    // any doubt threshold equals the result at this floor filtered by score (what the benchmark's sweep reads).
    private static readonly float CandidateFloor = 0.3f;

    protected TiledFaceDetector(string name, InferenceSession session, MultiScaleSettings settings, DetectionThresholds thresholds)
    {
        Name = name;
        Session = session;
        Settings = settings;
        Thresholds = thresholds;
    }

    public string Name { get; }

    public MultiScaleSettings Settings { get; }

    public DetectionThresholds Thresholds { get; }

    protected InferenceSession Session { get; }

    public Outcome<IReadOnlyList<DetectedFace>> Detect(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        try
        {
            return Merge(FindCandidates(image), image);
        }
        catch (OnnxRuntimeException e)
        {
            return new IngestFailure(IngestFailureKind.DetectionFailed, $"{Name}: the model failed: {e.Message}");
        }
    }

    /// <summary>The faces among <paramref name="candidates"/> (<see cref="FindCandidates"/>): merged, at or above the doubt threshold, clipped to the photo.</summary>
    internal List<DetectedFace> Merge(List<ScoredBox> candidates, RgbImage image) =>
        NonMaximumSuppression.Apply(candidates, Settings.MergeIntersectionOverUnion, Settings.MergeIntersectionOverSmaller, Settings.FuseLevels)
            .Where(c => c.Score >= Thresholds.Doubt)
            .Select(c => ToFace(c, image))
            .Where(f => f is not null)
            .Select(f => f!)
            .ToList();

    /// <summary>Every box of every pass, in photo pixels with its level, before merging (the benchmark
    /// replays merging rules on these). Throws <see cref="OnnxRuntimeException"/> when the model fails.</summary>
    internal List<ScoredBox> FindCandidates(RgbImage image)
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
                    found.Add(candidate with { Box = box.ToImage(0f, 0f, (float)level.Scale), Level = mirrored ? MirroredLevelId(l) : l });
                }
            }
        }
    }

    public void Dispose()
    {
        Session.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the model on one window and adds every box scoring at least
    /// <paramref name="minScore"/>, in tensor pixels, to <paramref name="into"/>.</summary>
    protected abstract void RunWindow(RgbImage levelImage, InferenceWindow window, float minScore, List<ScoredBox> into);

    /// <summary>Clips a box to the photo; null when nothing of it is inside.</summary>
    private DetectedFace? ToFace(ScoredBox candidate, RgbImage image)
    {
        var b = candidate.Box;
        var left = Math.Clamp(b.X, 0f, image.Width);
        var top = Math.Clamp(b.Y, 0f, image.Height);
        var right = Math.Clamp(b.Right, 0f, image.Width);
        var bottom = Math.Clamp(b.Bottom, 0f, image.Height);
        if (!(right > left && bottom > top))
        {
            return null;
        }

        return new DetectedFace(left, top, right - left, bottom - top, candidate.Score, Uncertain: candidate.Score < Thresholds.Release);
    }
}
