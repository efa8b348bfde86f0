using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;

namespace MediaGate.Benchmarks;

/// <summary>
/// What one detector found on the evaluation set, kept per face and per detection so that recall and false
/// positives can be read at any score threshold (greedy NMS makes filtering afterwards exact).
/// A face counts as masked when a detection's mask (the product's rounded mask, its box grown
/// <see cref="MaskGrowth"/>x around its centre: <see cref="MaskCoverage"/>) covers at least
/// <see cref="MaskedCoverage"/> of the labelled box.
/// </summary>
/// <param name="label">The contender's name in the tables.</param>
/// <param name="maskGrowth">The mask margin: product.md allows about 1.3-1.5x; the product's default is
/// <see cref="DefaultMaskGrowth"/> (src/MediaGate.Ingest/Mask).</param>
internal sealed class DetectorScorecard(string label, float? maskGrowth = null)
{
    /// <summary>The product's default mask margin.</summary>
    public static readonly float DefaultMaskGrowth = (float)new MaskOptions().Margin;

    public const float MaskedCoverage = 0.7f;

    // Size buckets, min(w, h) in pixels: <10, 10-20, 20-40, 40-80, 80+.
    public static readonly float[] BucketLowerBounds = [0f, 10f, 20f, 40f, 80f];

    public static readonly string[] BucketNames = ["<10", "10-20", "20-40", "40-80", "80+"];

    private readonly List<(int Bucket, float BestMaskingScore)> _faces = [];
    private readonly List<List<(float Score, float Verifier)>> _facesCoveredBy = [];
    private readonly List<(int Photo, float Score, bool FalsePositive, bool InCrowd, float Verifier)> _detections = [];
    private readonly List<int> _labelledPerPhoto = [];
    private readonly List<string> _faceRows = [];
    private readonly List<string> _detectionRows = [];

    public string Label { get; } = label;

    public float MaskGrowth { get; } = maskGrowth ?? DefaultMaskGrowth;

    public int Photos { get; private set; }

    public double TotalMilliseconds { get; private set; }

    public double TotalCpuMilliseconds { get; private set; }

    public void Add(LabelledPhoto photo, IReadOnlyList<DetectedFace> found, double milliseconds, double cpuMilliseconds) =>
        Add(photo, found, null, milliseconds, cpuMilliseconds);

    /// <summary>As above, with the verifier's score of each detection (NaN: not looked at), aligned with
    /// <paramref name="found"/>; null when no verifier ran.</summary>
    public void Add(LabelledPhoto photo, IReadOnlyList<DetectedFace> found, IReadOnlyList<float>? verifier, double milliseconds, double cpuMilliseconds)
    {
        var photoIndex = Photos++;
        _labelledPerPhoto.Add(photo.Faces.Count);
        TotalMilliseconds += milliseconds;
        TotalCpuMilliseconds += cpuMilliseconds;
        var boxes = found.Select(f => (Box: new FaceBox(f.X, f.Y, f.Width, f.Height), f.Score)).ToList();
        foreach (var face in photo.Faces.Where(f => !f.Invalid))
        {
            var best = boxes.Where(d => MaskCoverage.Of(d.Box, face.Box, MaskGrowth) >= MaskedCoverage)
                .Select(d => d.Score).DefaultIfEmpty(-1f).Max();
            _faces.Add((Bucket(face.Size), best));
            _facesCoveredBy.Add(found.Select((f, i) => (f, i))
                .Where(x => MaskCoverage.Of(boxes[x.i].Box, face.Box, MaskGrowth) >= MaskedCoverage)
                .Select(x => (x.f.Score, verifier?[x.i] ?? float.NaN)).ToList());
            var coverage = boxes.Select(d => MaskCoverage.Of(d.Box, face.Box, MaskGrowth)).DefaultIfEmpty(0f).Max();
            _faceRows.Add(Row(photo.RelativePath, face.Box, best, coverage));
        }

        for (var i = 0; i < boxes.Count; i++)
        {
            var (box, score) = boxes[i];
            var falsePositive = !photo.Faces.Any(f => Matches(box, f.Box));
            _detections.Add((photoIndex, score, falsePositive, InCrowd(box, photo.Faces), verifier?[i] ?? float.NaN));
            _detectionRows.Add(Row(photo.RelativePath, box, score, falsePositive ? 1 : 0) + "\t" + F(verifier?[i] ?? float.NaN));
        }
    }

    /// <summary>Writes every valid face (best masking score, best mask coverage) and every detection
    /// (score, 1 when a false positive) as TSV, for looking at what a detector misses.</summary>
    public void Dump(string folder)
    {
        var name = string.Concat(Label.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, name + ".faces.tsv"), _faceRows);
        File.WriteAllLines(Path.Combine(folder, name + ".detections.tsv"), _detectionRows);
    }

    private static string Row(string photo, FaceBox box, float a, float b) =>
        string.Join('\t', photo, F(box.X), F(box.Y), F(box.Width), F(box.Height), F(a), F(b));

    private static string F(float value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Masked share of the valid faces in a bucket range, at a threshold: (masked, total).</summary>
    public (int Masked, int Total) Recall(float threshold, int firstBucket, int lastBucket)
    {
        var inRange = _faces.Where(f => f.Bucket >= firstBucket && f.Bucket <= lastBucket).ToList();
        return (inRange.Count(f => f.BestMaskingScore >= threshold), inRange.Count);
    }

    /// <summary>Share of the valid faces in a bucket range masked by a certain detection: (certain, total).</summary>
    public (int Certain, int Total) CertainRecall(Func<float, float, bool> certain, int firstBucket, int lastBucket)
    {
        var inRange = Enumerable.Range(0, _faces.Count).Where(i => _faces[i].Bucket >= firstBucket && _faces[i].Bucket <= lastBucket).ToList();
        return (inRange.Count(i => _facesCoveredBy[i].Any(d => certain(d.Score, d.Verifier))), inRange.Count);
    }

    public double FalsePositivesPerPhoto(float threshold) =>
        Photos == 0 ? 0d : (double)_detections.Count(d => d.FalsePositive && d.Score >= threshold) / Photos;

    /// <summary>False positives per photo, not counting those amid a labelled crowd (see <see cref="InCrowd"/>).</summary>
    public double FalsePositivesOutsideCrowdsPerPhoto(float threshold) =>
        Photos == 0 ? 0d : (double)_detections.Count(d => d.FalsePositive && !d.InCrowd && d.Score >= threshold) / Photos;

    /// <summary>Share of photos with at least one false positive at or above <paramref name="doubt"/>, certain or
    /// uncertain: the photos the service would hold (or mask) for a face that is not there.</summary>
    public double PhotosWithFalsePositiveShare(float doubt) =>
        Photos == 0 ? 0d : (double)_detections.Where(d => d.FalsePositive && d.Score >= doubt).Select(d => d.Photo).Distinct().Count() / Photos;

    /// <summary>Photos with exactly one labelled face (valid or not).</summary>
    public int SingleFacePhotos => _labelledPerPhoto.Count(n => n == 1);

    /// <summary>Of the photos with one labelled face: those where exactly one detection is certain (at or above
    /// <paramref name="release"/>), and of those, the ones with no uncertain detection either (in
    /// [<paramref name="doubt"/>, release)): released without review.</summary>
    public (int OneCertain, int OnlyOneFace) SingleFace(float doubt, float release)
    {
        int oneCertain = 0, onlyOne = 0;
        var byPhoto = _detections.ToLookup(d => d.Photo);
        for (var p = 0; p < Photos; p++)
        {
            if (_labelledPerPhoto[p] != 1)
            {
                continue;
            }

            var certain = byPhoto[p].Count(d => d.Score >= release);
            var uncertain = byPhoto[p].Count(d => d.Score >= doubt && d.Score < release);
            oneCertain += certain == 1 ? 1 : 0;
            onlyOne += certain == 1 && uncertain == 0 ? 1 : 0;
        }

        return (oneCertain, onlyOne);
    }

    /// <summary>Certain false detections per photo, a detection being certain when <paramref name="certain"/>(its
    /// score, the verifier's score) holds.</summary>
    public double CertainFalsePositivesPerPhoto(Func<float, float, bool> certain) =>
        Photos == 0 ? 0d : (double)_detections.Count(d => d.FalsePositive && certain(d.Score, d.Verifier)) / Photos;

    /// <summary>Share of photos with at least one certain false detection.</summary>
    public double PhotosWithCertainFalsePositiveShare(Func<float, float, bool> certain) =>
        Photos == 0 ? 0d : (double)_detections.Where(d => d.FalsePositive && certain(d.Score, d.Verifier)).Select(d => d.Photo).Distinct().Count() / Photos;

    /// <summary>Of the photos with one labelled face, those with exactly one certain detection.</summary>
    public int SingleFaceOneCertain(Func<float, float, bool> certain)
    {
        var byPhoto = _detections.ToLookup(d => d.Photo);
        return Enumerable.Range(0, Photos).Count(p => _labelledPerPhoto[p] == 1 && byPhoto[p].Count(d => certain(d.Score, d.Verifier)) == 1);
    }

    /// <summary>Share of photos with a face scored in [doubt, release): the photos the consent engine would hold.</summary>
    public double HeldShare(float doubt, float release) =>
        Photos == 0 ? 0d : (double)_detections.Where(d => d.Score >= doubt && d.Score < release).Select(d => d.Photo).Distinct().Count() / Photos;

    private static int Bucket(float size)
    {
        var b = 0;
        while (b + 1 < BucketLowerBounds.Length && size >= BucketLowerBounds[b + 1])
        {
            b++;
        }

        return b;
    }

    /// <summary>
    /// WIDER's annotators leave many faces in dense crowds unboxed, so a detection amid a crowd is often a real
    /// face: here, one with at least two labelled faces of similar size (0.5x to 2x) whose centres lie within
    /// three of its widths of its centre.
    /// </summary>
    private static bool InCrowd(FaceBox detection, IReadOnlyList<LabelledFace> faces)
    {
        var size = Math.Min(detection.Width, detection.Height);
        var (cx, cy) = (detection.X + (detection.Width / 2), detection.Y + (detection.Height / 2));
        return faces.Count(f =>
            f.Size >= size / 2 && f.Size <= size * 2
            && Math.Abs(f.Box.X + (f.Box.Width / 2) - cx) <= 3 * detection.Width
            && Math.Abs(f.Box.Y + (f.Box.Height / 2) - cy) <= 3 * detection.Width) >= 2;
    }

    /// <summary>
    /// A detection is not a false positive when it is on a labelled face (valid or not): IoU at least 0.3,
    /// or its mask covers the face, or most of it lies on the face (a part of a face, or a face WIDER boxed
    /// differently). Unlabelled real faces still count against the detector.
    /// </summary>
    private bool Matches(FaceBox detection, FaceBox face) =>
        detection.IntersectionOverUnion(face) >= 0.3f
        || MaskCoverage.Of(detection, face, MaskGrowth) >= MaskedCoverage
        || face.Grow(1.5f).Covers(detection) >= 0.5f;
}
