using System.Diagnostics;
using System.Globalization;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using Microsoft.ML.OnnxRuntime;

namespace MediaGate.Benchmarks;

/// <summary>
/// `detect-profile --photo FILE --models DIR [--width W --height H] [--runs 5] [--multi-scale SPEC]`: where detection's
/// CPU goes on one photo resized to W x H (default: the photo's own size): the pyramid's resampling, the tensors'
/// filling and the model's runs per level (tiles, tensor pixels), the second look and the verifier. Each part is
/// repeated --runs times on its own and timed with the process's CPU, so a busy machine inflates nothing but wall time.
/// </summary>
internal static class DetectionProfileBenchmark
{
    public static int Run(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args);
        var photoPath = arguments?.Get("photo");
        if (arguments is null || photoPath is null)
        {
            Console.Error.WriteLine("usage: detect-profile --photo FILE --models DIR [--width W --height H] [--runs 5] [--multi-scale SPEC]");
            return 1;
        }

        var options = new DetectorOptions();
        if (arguments.Get("multi-scale") is { } spec)
        {
            options.MultiScale = SettingsOverride.Apply(MultiScaleSettings.YuNet, spec);
        }

        var registry = ModelRegistry.Open(arguments.Get("models"));
        var photo = PhotoReader.ReadUpright(File.ReadAllBytes(photoPath), new IngestLimits());
        if (!registry.IsSuccess || !photo.IsSuccess)
        {
            Console.Error.WriteLine(registry.Failure?.ToString() ?? photo.Failure?.ToString());
            return 1;
        }

        var opened = FaceDetectorFactory.Create(registry.Value, "yunet-n", options);
        var model = registry.Value.Resolve("yunet-n");
        if (!opened.IsSuccess || !model.IsSuccess || opened.Value is not TiledFaceDetector detector)
        {
            Console.Error.WriteLine("yunet-n is not available");
            return 1;
        }

        using var owner = opened.Value;
        using var session = arguments.Get("ort") is { } ort ? OrtVariant(model.Value, ort) : OnnxSessions.Create(model.Value, options);
        var original = photo.Value.Image;
        var image = ImageResampler.Resize(original, arguments.GetInt("width", original.Width), arguments.GetInt("height", original.Height));
        var runs = arguments.GetInt("runs", 5);
        var settings = detector.Settings;
        var plan = DetectionPlanner.Plan(image.Width, image.Height, settings);

        // Warm-up: one whole detection (JIT, ONNX Runtime's kernels and arena).
        _ = detector.Detect(image);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(photoPath)} at {image.Width}x{image.Height}; CPU ms per detection, mean of {runs}"));
        Console.WriteLine();
        Console.WriteLine("| part | level scale | level size | tiles | tensor Mpx | CPU ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var levelImages = new RgbImage[plan.Levels.Count];
        double total = 0;
        for (var l = plan.Levels.Count - 1; l >= 0; l--)
        {
            var level = plan.Levels[l];
            var ms = Cpu(runs, () => levelImages[l] = ImageResampler.Resize(image, level.Width, level.Height));
            total += ms;
            Row("resample (from the photo)", level, "", "", ms);
        }

        long allTensor = 0;
        for (var l = 0; l < plan.Levels.Count; l++)
        {
            var windows = plan.Windows.Where(w => w.Level == l).ToList();
            var tensorPixels = windows.Sum(w => (long)w.TensorWidth * w.TensorHeight);
            allTensor += tensorPixels;
            var buffers = windows.Select(w => new float[3 * w.TensorWidth * w.TensorHeight]).ToList();
            var fill = Cpu(runs, () =>
            {
                for (var i = 0; i < windows.Count; i++)
                {
                    TensorLayout.WriteNchwBgr(levelImages[l], windows[i].Tile, windows[i].TensorWidth, windows[i].TensorHeight, buffers[i]);
                }
            });
            var run = Cpu(runs, () =>
            {
                for (var i = 0; i < windows.Count; i++)
                {
                    RunModel(session, buffers[i], windows[i]);
                }
            });
            total += fill + run;
            Row("tensor fill", plan.Levels[l], windows.Count.ToString(CultureInfo.InvariantCulture), Mpx(tensorPixels), fill);
            Row("model run", plan.Levels[l], windows.Count.ToString(CultureInfo.InvariantCulture), Mpx(tensorPixels), run);
        }

        List<ScoredBox> candidates = [];
        var pyramid = new List<RgbImage>();
        var find = Cpu(runs, () =>
        {
            pyramid.Clear();
            candidates = detector.FindCandidates(image, pyramid);
        });
        List<(FaceBox Box, float Confidence)> faces = [];
        var confidences = Cpu(runs, () => faces = detector.Confidences(candidates, image, pyramid));
        var certain = Cpu(runs, () => TiledFaceDetector.Certain(faces, image, pyramid, detector.Verifier, detector.Thresholds));
        var whole = Cpu(runs, () => _ = detector.Detect(image));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| parts above | | | {plan.Windows.Count} | {Mpx(allTensor)} | {total:F0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all candidates (resample, fill, run, decode: the detector's own loop) | | | | | {find:F0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| merge and second look ({candidates.Count} candidates -> {faces.Count} faces) | | | | | {confidences:F0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| verifier ({detector.Verifier?.Name ?? "none"}) | | | | | {certain:F0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **whole detection** | | | | | **{whole:F0}** |"));
        return 0;
    }

    /// <summary>`--ort "opt=basic|extended|all;pattern=1;arena=0;denormal=1"`: a session made with other options (model runs only).</summary>
    private static InferenceSession OrtVariant(ResolvedModel model, string spec)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, EnableMemoryPattern = false, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        foreach (var pair in spec.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            switch (key)
            {
                case "opt":
                    options.GraphOptimizationLevel = value switch
                    {
                        "basic" => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                        "extended" => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                        "none" => GraphOptimizationLevel.ORT_DISABLE_ALL,
                        _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
                    };
                    break;
                case "pattern":
                    options.EnableMemoryPattern = value == "1";
                    break;
                case "arena":
                    options.EnableCpuMemArena = value == "1";
                    break;
                case "denormal":
                    options.AddSessionConfigEntry("session.set_denormal_as_zero", value);
                    break;
                default:
                    throw new ArgumentException($"unknown ort key '{key}'");
            }
        }

        return new InferenceSession(model.Bytes, options);
    }

    private static void Row(string part, ScaleLevel level, string tiles, string tensor, double ms) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {part} | {level.Scale:F3} | {level.Width}x{level.Height} | {tiles} | {tensor} | {ms:F1} |"));

    private static string Mpx(long pixels) => (pixels / 1e6).ToString("F2", CultureInfo.InvariantCulture);

    private static void RunModel(InferenceSession session, float[] buffer, InferenceWindow window)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(), [1, 3, window.TensorHeight, window.TensorWidth]);
        using var outputs = session.Run(new RunOptions(), ["input"], [input], session.OutputNames);
    }

    /// <summary>Mean process CPU milliseconds of <paramref name="work"/> over <paramref name="runs"/> runs.</summary>
    private static double Cpu(int runs, Action work)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            work();
        }

        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds / runs;
    }
}
