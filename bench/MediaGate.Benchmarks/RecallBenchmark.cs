using System.Diagnostics;
using System.Globalization;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;

namespace MediaGate.Benchmarks;

/// <summary>
/// `recall --faces DIR --models DIR [--detector NAME] [--multi-scale SPEC] [--dump DIR] [--candidates FILE] [--margin 1.4]`: runs each available detector with its multi-scale
/// plan (and YuNet-n at one scale, full size, as the reference) over a labelled set such as eval/faces-dev
/// and prints markdown: recall by face size, false positives per photo and time per photo at each model's
/// doubt threshold (every face at or above it is masked), then a release-threshold sweep of the default model.
/// </summary>
internal static class RecallBenchmark
{
    private const float SweepFloor = 0.3f;

    private static readonly float[] SweepThresholds = [0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f];

    public static int Run(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args);
        var facesFolder = arguments?.Get("faces");
        if (arguments is null || facesFolder is null)
        {
            Console.Error.WriteLine("usage: recall --faces DIR --models DIR [--detector NAME] [--multi-scale SPEC] [--dump DIR] [--candidates FILE] [--margin 1.4]");
            return 1;
        }

        var registry = ModelRegistry.Open(arguments.Get("models"));
        if (!registry.IsSuccess)
        {
            Console.Error.WriteLine(registry.Failure);
            return 1;
        }

        var margin = arguments.Get("margin") is { } m ? float.Parse(m, CultureInfo.InvariantCulture) : DetectorScorecard.DefaultMaskGrowth;
        var contenders = Contenders(registry.Value, arguments.Get("detector"), arguments.Get("multi-scale"), margin);
        if (contenders.Count == 0)
        {
            Console.Error.WriteLine("no detector available");
            return 1;
        }

        var photos = FacesDevSet.Load(facesFolder);
        try
        {
            using var candidates = arguments.Get("candidates") is { } candidatesPath ? new StreamWriter(candidatesPath) : null;
            Measure(facesFolder, photos, contenders, candidates);
            Print(photos, contenders, registry.Value);
            if (arguments.Get("dump") is { } dump)
            {
                contenders.ForEach(c => c.Scorecard.Dump(dump));
            }
        }
        finally
        {
            contenders.ForEach(c => c.Detector.Dispose());
        }

        return 0;
    }

    private static List<Contender> Contenders(ModelRegistry registry, string? only, string? multiScale, float margin)
    {
        var contenders = new List<Contender>();
        var names = only is null ? registry.Manifest.Models.Select(m => m.Name).ToList() : [only];
        foreach (var name in names)
        {
            var model = registry.Resolve(name);
            if (!model.IsSuccess)
            {
                Console.Error.WriteLine($"skipped: {model.Failure.Message}");
                continue;
            }

            var family = model.Value.Entry.Family == ModelFamily.YuNet ? MultiScaleSettings.YuNet : MultiScaleSettings.BlazeFace;
            contenders.Add(Create(model.Value, $"{name} multi-scale", multiScale is null ? null : SettingsOverride.Apply(family, multiScale), margin));
            if (only is null && name == "yunet-n")
            {
                contenders.Add(Create(model.Value, "yunet-n single scale, full size (reference)", MultiScaleSettings.SingleScaleFullSize, margin));
            }
        }

        return contenders;
    }

    private static Contender Create(ResolvedModel model, string label, MultiScaleSettings? settings, float margin)
    {
        var manifest = model.Entry.Thresholds;
        var options = new DetectorOptions
        {
            MultiScale = settings,
            Thresholds = new DetectionThresholds(manifest.Release, Math.Min(SweepFloor, manifest.Doubt)),
        };
        var multiScale = settings != MultiScaleSettings.SingleScaleFullSize;
        return new Contender(model.Entry, FaceDetectorFactory.Create(model, options).Value, new DetectorScorecard(label, margin), multiScale);
    }

    private static void Measure(string folder, List<LabelledPhoto> photos, List<Contender> contenders, StreamWriter? candidates)
    {
        var limits = new IngestLimits();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < photos.Count; i++)
        {
            var photo = PhotoReader.ReadUpright(File.ReadAllBytes(Path.Combine(folder, photos[i].RelativePath)), limits);
            if (!photo.IsSuccess)
            {
                Console.Error.WriteLine($"{photos[i].RelativePath}: {photo.Failure}");
                continue;
            }

            foreach (var contender in contenders)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var faces = candidates is not null && contender == contenders[0] && contender.Detector is TiledFaceDetector tiled
                    ? WriteCandidates(candidates, photos[i].RelativePath, tiled, photo.Value.Image)
                    : contender.Detector.Detect(photo.Value.Image);
                var elapsed = clock.Elapsed.TotalMilliseconds;
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                contender.Scorecard.Add(photos[i], faces.IsSuccess ? faces.Value : [], elapsed, cpu);
            }

            if ((i + 1) % 25 == 0)
            {
                Console.Error.WriteLine($"recall: {i + 1}/{photos.Count} photos");
            }
        }
    }

    /// <summary>Writes the unmerged boxes of one photo (for replaying merging and threshold rules offline)
    /// and returns the detector's faces made from them.</summary>
    private static Outcome<IReadOnlyList<DetectedFace>> WriteCandidates(StreamWriter into, string photo, TiledFaceDetector detector, RgbImage image)
    {
        var pyramid = new List<RgbImage>();
        var found = detector.FindCandidates(image, pyramid);
        foreach (var c in found)
        {
            into.WriteLine(Invariant($"{photo}\t{c.Box.X:0.###}\t{c.Box.Y:0.###}\t{c.Box.Width:0.###}\t{c.Box.Height:0.###}\t{c.Score:0.####}\t{c.Level}\t{image.Width}\t{image.Height}"));
        }

        return detector.Judge(found, image, pyramid);
    }

    private static void Print(List<LabelledPhoto> photos, List<Contender> contenders, ModelRegistry registry)
    {
        var valid = photos.Sum(p => p.Faces.Count(f => !f.Invalid));
        Console.WriteLine(Invariant($"### Face-detection recall ({photos.Count} photos, {valid} valid labelled faces)"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"A face is masked when the product's mask for a detection (the rounded mask, its box grown {contenders[0].Scorecard.MaskGrowth}x) covers >= {DetectorScorecard.MaskedCoverage * 100:0}% of its box; counted at each model's doubt threshold (every face at or above it is masked). FP: detections on no labelled face (WIDER's invalid faces count as labelled); outside crowds: not counting those with two labelled faces of similar size within three widths (WIDER leaves many crowd faces unboxed)."));
        Console.WriteLine();
        Console.WriteLine(Invariant($"Photos with FP: share of photos with at least one false positive at or above doubt (certain or uncertain). Single face: of the {contenders[0].Scorecard.SingleFacePhotos} photos with exactly one labelled face, those with exactly one certain face (at or above release) / and no uncertain face either (released without review). The reference counts every face at or above its doubt as certain."));
        Console.WriteLine();
        Console.WriteLine("| detector | doubt | release | " + string.Join(" | ", DetectorScorecard.BucketNames.Select(b => b + " px")) + " | >= 20 px | FP / photo | FP / photo outside crowds | photos with FP | single face: one certain / released | ms / photo | CPU ms / photo |");
        Console.WriteLine("|---|---|---|" + string.Concat(Enumerable.Repeat("---|", DetectorScorecard.BucketNames.Length + 7)));
        foreach (var c in contenders)
        {
            var doubt = c.Entry.Thresholds.Doubt;
            var release = c.MultiScale ? c.Entry.Thresholds.Release : doubt;
            var cells = Enumerable.Range(0, DetectorScorecard.BucketNames.Length).Select(b => Percent(c.Scorecard.Recall(doubt, b, b)));
            var (one, released) = c.Scorecard.SingleFace(doubt, release);
            Console.WriteLine(Invariant(
                $"| {c.Scorecard.Label} | {doubt:0.00} | {release:0.00} | {string.Join(" | ", cells)} | {Percent(c.Scorecard.Recall(doubt, 2, 4))} | {c.Scorecard.FalsePositivesPerPhoto(doubt):0.00} | {c.Scorecard.FalsePositivesOutsideCrowdsPerPhoto(doubt):0.00} | {100 * c.Scorecard.PhotosWithFalsePositiveShare(doubt):0}% | {one} / {released} | {c.Scorecard.TotalMilliseconds / Math.Max(1, c.Scorecard.Photos):0} | {c.Scorecard.TotalCpuMilliseconds / Math.Max(1, c.Scorecard.Photos):0} |"));
        }

        var preferred = registry.Manifest.Preference.FirstOrDefault(n => contenders.Any(c => c.MultiScale && c.Entry.Name == n));
        var sweep = contenders.FirstOrDefault(c => c.MultiScale && c.Entry.Name == preferred);
        if (sweep is null)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"### Threshold sweep: {sweep.Scorecard.Label} (faces counted at or above the threshold)"));
        Console.WriteLine();
        Console.WriteLine("| threshold | < 10 px | 10-20 px | >= 20 px | FP / photo | FP / photo outside crowds | photos with FP | photos held if release = threshold |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var t in SweepThresholds)
        {
            var s = sweep.Scorecard;
            var held = t > sweep.Entry.Thresholds.Doubt ? Invariant($"{100d * s.HeldShare(sweep.Entry.Thresholds.Doubt, t):0}%") : "-";
            Console.WriteLine(Invariant(
                $"| {t:0.00} | {Percent(s.Recall(t, 0, 0))} | {Percent(s.Recall(t, 1, 1))} | {Percent(s.Recall(t, 2, 4))} | {s.FalsePositivesPerPhoto(t):0.00} | {s.FalsePositivesOutsideCrowdsPerPhoto(t):0.00} | {100 * s.PhotosWithFalsePositiveShare(t):0}% | {held} |"));
        }
    }

    private static string Percent((int Masked, int Total) r) =>
        r.Total == 0 ? "-" : Invariant($"{100d * r.Masked / r.Total:0.0}% ({r.Masked}/{r.Total})");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record Contender(ModelEntry Entry, IFaceDetector Detector, DetectorScorecard Scorecard, bool MultiScale);
}
