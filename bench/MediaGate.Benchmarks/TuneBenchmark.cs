using System.Globalization;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;

namespace MediaGate.Benchmarks;

/// <summary>
/// `tune --faces DIR --models DIR --cache FILE [--detector yunet-n]`: the fast loop for tuning the confidence
/// rules. Runs the detector once per photo (merged candidates with their evidence, and the second look at each
/// under several crop policies), keeps that in FILE, then replays every combination of rules and thresholds
/// in memory: for each policy and blend weight, the figures at the highest doubt threshold that keeps the
/// recall targets (>= 85% of faces of 10-20 px, >= 95% of 20 px and up).
/// </summary>
internal static class TuneBenchmark
{
    internal static readonly CascadeSettings[] Policies =
    [
        new() { TargetSide = 48, MaxEnlargement = 1f, Context = 6f },
        new() { TargetSide = 32, MaxEnlargement = 1f, Context = 6f },
        new() { TargetSide = 40, MaxEnlargement = 1f, Context = 6f },
        new() { TargetSide = 32, MaxEnlargement = 1f, Context = 8f },
        new() { TargetSide = 40, MaxEnlargement = 1f, Context = 5f },
    ];

    public static int Run(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args);
        var facesFolder = arguments?.Get("faces");
        var cachePath = arguments?.Get("cache");
        if (arguments is null || facesFolder is null || cachePath is null)
        {
            Console.Error.WriteLine("usage: tune --faces DIR --models DIR --cache FILE [--detector yunet-n]");
            return 1;
        }

        var photos = FacesDevSet.Load(facesFolder);
        if (!File.Exists(cachePath))
        {
            var detector = FaceDetectorFactory.Open(arguments.Get("models"), arguments.Get("detector") ?? "yunet-n");
            if (!detector.IsSuccess)
            {
                Console.Error.WriteLine(detector.Failure);
                return 1;
            }

            using var tiled = (TiledFaceDetector)detector.Value;
            WriteCache(facesFolder, photos, tiled, cachePath);
        }

        var cache = ReadCache(cachePath);
        Sweep(photos, cache, arguments.Get("margin") is { } m ? float.Parse(m, CultureInfo.InvariantCulture) : DetectorScorecard.DefaultMaskGrowth);
        return 0;
    }

    private static void WriteCache(string folder, List<LabelledPhoto> photos, TiledFaceDetector detector, string path)
    {
        using var writer = new StreamWriter(path);
        var limits = new IngestLimits();
        for (var i = 0; i < photos.Count; i++)
        {
            var photo = PhotoReader.ReadUpright(File.ReadAllBytes(Path.Combine(folder, photos[i].RelativePath)), limits);
            if (!photo.IsSuccess)
            {
                continue;
            }

            var image = photo.Value.Image;
            var pyramid = new List<RgbImage>();
            var merged = NonMaximumSuppression.MergeCandidates(detector.FindCandidates(image, pyramid), detector.Settings.MergeIntersectionOverUnion, detector.Settings.MergeIntersectionOverSmaller);
            foreach (var c in merged.Where(c => c.Fused >= 0.3f))
            {
                var rescores = Policies.Select(p => detector.Rescore(image, c.Box, p, pyramid).ToString("0.####", CultureInfo.InvariantCulture));
                var lm = c.Landmarks is { } l
                    ? string.Join(',', new[] { l.RightEyeX, l.RightEyeY, l.LeftEyeX, l.LeftEyeY, l.NoseX, l.NoseY, l.RightMouthX, l.RightMouthY, l.LeftMouthX, l.LeftMouthY }.Select(F))
                    : "-";
                writer.WriteLine(string.Join('\t', photos[i].RelativePath, F(c.Box.X), F(c.Box.Y), F(c.Box.Width), F(c.Box.Height), F(c.Fused), F(c.Best), c.Levels, lm, string.Join(',', rescores)));
            }

            if ((i + 1) % 25 == 0)
            {
                Console.Error.WriteLine($"tune: {i + 1}/{photos.Count} photos");
            }
        }
    }

    private static Dictionary<string, List<(FaceCandidate Candidate, float[] Rescores)>> ReadCache(string path)
    {
        var cache = new Dictionary<string, List<(FaceCandidate, float[])>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            FaceLandmarks? lm = null;
            if (f[8] != "-")
            {
                var p = f[8].Split(',').Select(P).ToArray();
                lm = new FaceLandmarks(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]);
            }

            var candidate = new FaceCandidate(new FaceBox(P(f[1]), P(f[2]), P(f[3]), P(f[4])), P(f[5]), P(f[6]), int.Parse(f[7], CultureInfo.InvariantCulture), lm);
            if (!cache.TryGetValue(f[0], out var list))
            {
                list = [];
                cache[f[0]] = list;
            }

            list.Add((candidate, f[9].Split(',').Select(P).ToArray()));
        }

        return cache;
    }

    private static void Sweep(List<LabelledPhoto> photos, Dictionary<string, List<(FaceCandidate Candidate, float[] Rescores)>> cache, float margin)
    {
        // For each second-look policy and weight: the highest doubt threshold that keeps >= 85% of faces of
        // 10-20 px and >= 95% of 20 px and up masked, then the release threshold that releases the most
        // single-face photos without review.
        Console.WriteLine("| policy | weight | skip above | doubt | release | < 10 px | 10-20 px | >= 20 px | FP / photo | photos with FP | single face: one certain / released |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        for (var policy = -1; policy < Policies.Length; policy++)
        {
            foreach (var weight in policy < 0 ? [0f] : new[] { 0.2f, 0.25f, 0.3f, 0.4f, 0.5f })
            {
                foreach (var skip in policy < 0 ? [1.1f] : new[] { 1.1f, 0.99f, 0.95f })
                {
                    var card = Score(photos, cache, policy, weight, skip, margin);
                    var doubt = Steps(0.05f, 0.95f).LastOrDefault(d => card.Recall(d, 1, 1).Masked >= 0.85 * card.Recall(d, 1, 1).Total && card.Recall(d, 2, 4).Masked >= 0.95 * card.Recall(d, 2, 4).Total);
                    if (doubt == 0f)
                    {
                        continue;
                    }

                    var release = Steps(doubt, 0.95f).MaxBy(r => card.SingleFace(doubt, r).OnlyOneFace);
                    var (one, only) = card.SingleFace(doubt, release);
                    var name = policy < 0 ? "none" : Invariant($"{Policies[policy].TargetSide}/{Policies[policy].MaxEnlargement}/{Policies[policy].Context}{(Policies[policy].Mirrored ? "/m" : string.Empty)}");
                    Console.WriteLine(Invariant(
                        $"| {name} | {weight} | {skip} | {doubt:0.00} | {release:0.00} | {Pct(card.Recall(doubt, 0, 0))} | {Pct(card.Recall(doubt, 1, 1))} | {Pct(card.Recall(doubt, 2, 4))} | {card.FalsePositivesPerPhoto(doubt):0.00} | {100 * card.PhotosWithFalsePositiveShare(doubt):0}% | {one} / {only} |"));
                }
            }
        }
    }

    private static IEnumerable<float> Steps(float from, float to)
    {
        for (var t = from; t <= to + 1e-4f; t += 0.05f)
        {
            yield return MathF.Round(t, 2);
        }
    }

    private static DetectorScorecard Score(List<LabelledPhoto> photos, Dictionary<string, List<(FaceCandidate Candidate, float[] Rescores)>> cache, int policy, float weight, float skip, float margin)
    {
        var card = new DetectorScorecard("tune", margin);
        foreach (var photo in photos)
        {
            var found = new List<DetectedFace>();
            foreach (var (candidate, rescores) in cache.GetValueOrDefault(photo.RelativePath) ?? [])
            {
                var c = policy < 0 || candidate.Fused >= skip ? candidate : candidate with { Rescore = rescores[policy] };
                var confidence = CandidateJudge.Confidence(c, fuseLevels: true, weight);
                found.Add(new DetectedFace(c.Box.X, c.Box.Y, c.Box.Width, c.Box.Height, confidence, false));
            }

            card.Add(photo, found, 0, 0);
        }

        return card;
    }

    private static string Pct((int Masked, int Total) r) => Invariant($"{100d * r.Masked / Math.Max(1, r.Total):0.0}% ({r.Masked})");

    private static string F(float value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static float P(string s) => float.Parse(s, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
