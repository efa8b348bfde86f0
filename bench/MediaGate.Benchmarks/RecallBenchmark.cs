using System.Diagnostics;
using System.Globalization;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;

namespace MediaGate.Benchmarks;

/// <summary>
/// `recall --faces DIR --models DIR [--detector NAME] [--multi-scale SPEC] [--dump DIR] [--candidates FILE] [--margin 1.4] [--reference 1]`: runs each available detector with its multi-scale
/// plan (and with --reference 1, YuNet-n at one scale, full size) over a labelled set such as eval/faces-dev and
/// prints markdown: masked recall by face size at each model's doubt threshold (certain and faint), then certain
/// false detections and single-face photos with one certain face, with the verifier and alone, and CPU per photo;
/// then sweeps of the default model's release-alone and the verifier's confirm thresholds.
/// </summary>
internal static class RecallBenchmark
{
    private const float SweepFloor = 0.3f;

    public static int Run(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args);
        var facesFolder = arguments?.Get("faces");
        if (arguments is null || facesFolder is null)
        {
            Console.Error.WriteLine("usage: recall --faces DIR --models DIR [--detector NAME] [--multi-scale SPEC] [--dump DIR] [--candidates FILE] [--margin 1.4] [--reference 1]");
            return 1;
        }

        var registry = ModelRegistry.Open(arguments.Get("models"));
        if (!registry.IsSuccess)
        {
            Console.Error.WriteLine(registry.Failure);
            return 1;
        }

        var margin = arguments.Get("margin") is { } m ? float.Parse(m, CultureInfo.InvariantCulture) : DetectorScorecard.DefaultMaskGrowth;
        var contenders = Contenders(registry.Value, arguments.Get("detector"), arguments.Get("multi-scale"), margin, arguments.Get("reference") == "1");
        AddVariants(registry.Value, contenders, arguments.Get("verifier-variants"), margin);
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
                contenders.ForEach(c =>
                {
                    c.Alone.Dump(dump);
                    c.Verified?.Dump(dump);
                });
            }
        }
        finally
        {
            contenders.ForEach(c =>
            {
                c.Detector.Dispose();
                c.Variants.ForEach(v => v.Owner.Dispose());
            });
        }

        return 0;
    }

    private static List<Contender> Contenders(ModelRegistry registry, string? only, string? multiScale, float margin, bool reference)
    {
        var contenders = new List<Contender>();
        var verifier = registry.ResolveVerifier();
        if (!verifier.IsSuccess)
        {
            Console.Error.WriteLine($"no verifier: {verifier.Failure.Message}");
        }

        var names = only is null ? registry.Manifest.Models.Where(m => m.Role == ModelRole.Detector).Select(m => m.Name).ToList() : [only];
        foreach (var name in names)
        {
            var model = registry.Resolve(name);
            if (!model.IsSuccess)
            {
                Console.Error.WriteLine($"skipped: {model.Failure.Message}");
                continue;
            }

            var family = model.Value.Entry.Family == ModelFamily.YuNet ? MultiScaleSettings.YuNet : MultiScaleSettings.BlazeFace;
            contenders.Add(Create(model.Value, name, multiScale is null ? null : SettingsOverride.Apply(family, multiScale), margin, verifier.IsSuccess ? verifier.Value : null));
            if (reference && name == "yunet-n")
            {
                contenders.Add(Create(model.Value, "yunet-n single scale, full size (reference)", MultiScaleSettings.SingleScaleFullSize, margin, null));
            }
        }

        return contenders;
    }

    /// <summary>`--verifier-variants "grid=4,context=2.5,enlarge=2,runs=4;grid=3,context=3"`: more verifier settings,
    /// each scored on the first contender's candidates (the detector runs once).</summary>
    private static void AddVariants(ModelRegistry registry, List<Contender> contenders, string? spec, float margin)
    {
        var verifier = registry.ResolveVerifier();
        if (spec is null || contenders.Count == 0 || !verifier.IsSuccess)
        {
            return;
        }

        var first = contenders[0];
        foreach (var variant in spec.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var settings = VerifierSettings.Default;
            foreach (var pair in variant.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var (key, value) = (pair.Split('=')[0].Trim(), float.Parse(pair.Split('=')[1], CultureInfo.InvariantCulture));
                settings = key switch
                {
                    "grid" => settings with { Grid = (int)value },
                    "context" => settings with { Context = value },
                    "enlarge" => settings with { MaxEnlargement = value },
                    "runs" => settings with { MaxRunsPerPhoto = (int)value },
                    "overlap" => settings with { MinOverlap = value },
                    _ => throw new ArgumentException($"unknown verifier key '{key}'"),
                };
            }

            var model = registry.Resolve(first.Entry.Name).Value;
            var owner = (TiledFaceDetector)FaceDetectorFactory.Create(model, new DetectorOptions { Verifier = settings }, verifier.Value).Value;
            first.Variants.Add((owner.Verifier!, new DetectorScorecard($"{first.Entry.Name} + verifier {variant}", margin), owner));
        }
    }

    private static Contender Create(ResolvedModel model, string label, MultiScaleSettings? settings, float margin, ResolvedModel? verifier)
    {
        var manifest = model.Entry.Thresholds;
        var options = new DetectorOptions
        {
            MultiScale = settings,
            Thresholds = new DetectionThresholds(manifest.Release, Math.Min(SweepFloor, manifest.Doubt)) { ReleaseAlone = manifest.ReleaseAlone },
        };
        var detector = (TiledFaceDetector)FaceDetectorFactory.Create(model, options, verifier).Value;
        var multiScale = settings != MultiScaleSettings.SingleScaleFullSize;
        return new Contender(
            model.Entry,
            detector,
            detector.Verifier is null ? null : new DetectorScorecard(label + " + verifier", margin),
            new DetectorScorecard(label + " alone", margin),
            multiScale);
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
                MeasureOne(process, photos[i], photo.Value.Image, contender, contender == contenders[0] ? candidates : null);
            }

            if ((i + 1) % 25 == 0)
            {
                Console.Error.WriteLine($"recall: {i + 1}/{photos.Count} photos");
            }
        }
    }

    /// <summary>
    /// One photo through one detector, as the product does it (TiledFaceDetector.Judge), in two timed parts: the
    /// detector (passes, merging, second look), then the verifier on the candidates at or above release
    /// (TiledFaceDetector.Certain). The alone row reads certain from the scores (>= release-alone); the verifier
    /// row from the verifier's scores (>= confirm), so that other confirm thresholds can be read too.
    /// </summary>
    private static void MeasureOne(Process process, LabelledPhoto labelled, RgbImage image, Contender contender, StreamWriter? candidates)
    {
        var detector = contender.Detector;
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var pyramid = new List<RgbImage>();
        var found = detector.FindCandidates(image, pyramid);
        var faces = detector.Confidences(found, image, pyramid);
        var detectorMs = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        var detectorCpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        if (candidates is not null)
        {
            foreach (var c in found)
            {
                candidates.WriteLine(Invariant($"{labelled.RelativePath}\t{c.Box.X:0.###}\t{c.Box.Y:0.###}\t{c.Box.Width:0.###}\t{c.Box.Height:0.###}\t{c.Score:0.####}\t{c.Level}\t{image.Width}\t{image.Height}"));
            }
        }

        var verifierScores = new float[faces.Count];
        Array.Fill(verifierScores, float.NaN);
        double verifierMs = 0, verifierCpu = 0;
        if (detector.Verifier is { } verifier)
        {
            process.Refresh();
            cpuBefore = process.TotalProcessorTime;
            clock.Restart();
            var asked = Enumerable.Range(0, faces.Count).Where(k => faces[k].Confidence >= detector.Thresholds.Release).ToList();
            var scores = verifier.Score(image, asked.Select(k => faces[k].Box).ToList(), pyramid);
            for (var k = 0; k < asked.Count; k++)
            {
                verifierScores[asked[k]] = scores[k];
            }

            verifierMs = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            verifierCpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        }

        var kept = new List<DetectedFace>();
        var keptScores = new List<float>();
        for (var k = 0; k < faces.Count; k++)
        {
            if (TiledFaceDetector.ToFace(faces[k].Box, faces[k].Confidence, image, certain: false) is { } face)
            {
                kept.Add(face);
                keptScores.Add(verifierScores[k]);
            }
        }

        foreach (var (variant, card, _) in contender.Variants)
        {
            process.Refresh();
            cpuBefore = process.TotalProcessorTime;
            var asked = Enumerable.Range(0, faces.Count).Where(k => faces[k].Confidence >= detector.Thresholds.Release).ToList();
            var scores = variant.Score(image, asked.Select(k => faces[k].Box).ToList(), pyramid);
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var all = new float[faces.Count];
            Array.Fill(all, float.NaN);
            for (var k = 0; k < asked.Count; k++)
            {
                all[asked[k]] = scores[k];
            }

            var aligned = Enumerable.Range(0, faces.Count).Where(k => TiledFaceDetector.ToFace(faces[k].Box, faces[k].Confidence, image, false) is not null).Select(k => all[k]).ToList();
            card.Add(labelled, kept, aligned, detectorMs, detectorCpu + cpu);
        }

        contender.Alone.Add(labelled, kept, detectorMs, detectorCpu);
        contender.Verified?.Add(labelled, kept, keptScores, detectorMs + verifierMs, detectorCpu + verifierCpu);
        contender.VerifierCpuMilliseconds += verifierCpu;
    }

    private static void Print(List<LabelledPhoto> photos, List<Contender> contenders, ModelRegistry registry)
    {
        var valid = photos.Sum(p => p.Faces.Count(f => !f.Invalid));
        var confirm = registry.Manifest.Models.FirstOrDefault(m => m.Role == ModelRole.Verifier)?.Thresholds.Release ?? 1f;
        var first = contenders[0].Alone;
        Console.WriteLine(Invariant($"### Face-detection recall, certain and faint ({photos.Count} photos, {valid} valid labelled faces)"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"Masked: a face is masked when the product's mask for a detection (the rounded mask, its box grown {first.MaskGrowth}x) covers >= {DetectorScorecard.MaskedCoverage * 100:0}% of its box; every detection at or above doubt is masked, certain or faint. Certain: at or above release and confirmed by the verifier (a box on it, IoU >= 0.3, scoring >= {confirm:0.00}, on a crop around it); alone: at or above release-alone. False: a detection on no labelled face (WIDER's invalid faces count as labelled). Single face: of the {first.SingleFacePhotos} photos with exactly one labelled face, those with exactly one certain detection. Certain >= 20 px: faces of 20 px and more under the mask of a certain detection. CPU: process CPU per photo (the verifier's share in brackets)."));
        Console.WriteLine();
        Console.WriteLine("| detector | doubt | release | masked < 10 px | masked 10-20 px | masked >= 20 px | masked false / photo | certain false / photo | photos with a certain false | single face: one certain | certain >= 20 px | ms / photo | CPU ms / photo |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in contenders)
        {
            var doubt = c.Entry.Thresholds.Doubt;
            var release = c.Entry.Thresholds.Release;
            if (c.Verified is { } v)
            {
                Row(v, doubt, Invariant($"{release:0.00} + {confirm:0.00}"), (s, vs) => s >= release && vs >= confirm, Invariant($" ({c.VerifierCpuMilliseconds / Math.Max(1, v.Photos):0})"));
            }

            var alone = c.MultiScale ? c.Entry.Thresholds.ReleaseAlone : doubt;
            Row(c.Alone, doubt, Invariant($"{alone:0.00}"), (s, _) => s >= alone, string.Empty);
        }

        var preferred = registry.Manifest.Preference.FirstOrDefault(n => contenders.Any(c => c.MultiScale && c.Entry.Name == n));
        var sweep = contenders.FirstOrDefault(c => c.MultiScale && c.Entry.Name == preferred);
        if (sweep is null)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"### Release threshold without the verifier: {sweep.Alone.Label} (certain = at or above the threshold)"));
        Console.WriteLine();
        Console.WriteLine("| release alone | certain false / photo | photos with a certain false | single face: one certain | certain >= 20 px |");
        Console.WriteLine("|---|---|---|---|---|");
        for (var t = 0.5f; t < 0.951f; t += 0.05f)
        {
            var threshold = t;
            Func<float, float, bool> certain = (s, _) => s >= threshold;
            Console.WriteLine(Invariant(
                $"| {threshold:0.00} | {sweep.Alone.CertainFalsePositivesPerPhoto(certain):0.00} | {100 * sweep.Alone.PhotosWithCertainFalsePositiveShare(certain):0}% | {sweep.Alone.SingleFaceOneCertain(certain)} of {sweep.Alone.SingleFacePhotos} | {Percent(sweep.Alone.CertainRecall(certain, 2, 4))} |"));
        }

        foreach (var (_, card, _) in sweep.Variants)
        {
            PrintConfirmSweep(card, sweep.Entry.Thresholds.Release);
        }

        if (sweep.Verified is not { } verified)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"### Verifier threshold: {verified.Label} (certain = detector at or above release {sweep.Entry.Thresholds.Release:0.00} and verifier at or above the threshold)"));
        Console.WriteLine();
        Console.WriteLine("| confirm | certain false / photo | photos with a certain false | single face: one certain | certain >= 20 px |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var t in new[] { 0.5f, 0.6f, 0.7f, 0.8f, 0.85f, 0.9f, 0.95f })
        {
            var release = sweep.Entry.Thresholds.Release;
            Func<float, float, bool> certain = (s, vs) => s >= release && vs >= t;
            Console.WriteLine(Invariant(
                $"| {t:0.00} | {verified.CertainFalsePositivesPerPhoto(certain):0.00} | {100 * verified.PhotosWithCertainFalsePositiveShare(certain):0}% | {verified.SingleFaceOneCertain(certain)} of {verified.SingleFacePhotos} | {Percent(verified.CertainRecall(certain, 2, 4))} |"));
        }
    }

    private static void PrintConfirmSweep(DetectorScorecard card, float release)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"### {card.Label} (CPU ms / photo with the detector {card.TotalCpuMilliseconds / Math.Max(1, card.Photos):0})"));
        Console.WriteLine();
        Console.WriteLine("| confirm | certain false / photo | photos with a certain false | single face: one certain | certain >= 20 px |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var t in new[] { 0.6f, 0.7f, 0.8f, 0.85f, 0.9f })
        {
            Func<float, float, bool> certain = (s, vs) => s >= release && vs >= t;
            Console.WriteLine(Invariant(
                $"| {t:0.00} | {card.CertainFalsePositivesPerPhoto(certain):0.00} | {100 * card.PhotosWithCertainFalsePositiveShare(certain):0}% | {card.SingleFaceOneCertain(certain)} of {card.SingleFacePhotos} | {Percent(card.CertainRecall(certain, 2, 4))} |"));
        }
    }

    private static void Row(DetectorScorecard card, float doubt, string release, Func<float, float, bool> certain, string verifierCpu)
    {
        Console.WriteLine(Invariant(
            $"| {card.Label} | {doubt:0.00} | {release} | {Percent(card.Recall(doubt, 0, 0))} | {Percent(card.Recall(doubt, 1, 1))} | {Percent(card.Recall(doubt, 2, 4))} | {card.FalsePositivesPerPhoto(doubt):0.00} | {card.CertainFalsePositivesPerPhoto(certain):0.00} | {100 * card.PhotosWithCertainFalsePositiveShare(certain):0}% | {card.SingleFaceOneCertain(certain)} of {card.SingleFacePhotos} | {Percent(card.CertainRecall(certain, 2, 4))} | {card.TotalMilliseconds / Math.Max(1, card.Photos):0} | {card.TotalCpuMilliseconds / Math.Max(1, card.Photos):0}{verifierCpu} |"));
    }

    private static string Percent((int Masked, int Total) r) =>
        r.Total == 0 ? "-" : Invariant($"{100d * r.Masked / r.Total:0.0}% ({r.Masked}/{r.Total})");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record Contender(ModelEntry Entry, TiledFaceDetector Detector, DetectorScorecard? Verified, DetectorScorecard Alone, bool MultiScale)
    {
        public double VerifierCpuMilliseconds { get; set; }

        /// <summary>Other verifier settings tried on the same candidates (--verifier-variants).</summary>
        public List<(FaceVerifier Verifier, DetectorScorecard Card, IDisposable Owner)> Variants { get; } = [];
    }
}
