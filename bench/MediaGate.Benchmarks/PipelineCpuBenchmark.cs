using System.Diagnostics;
using System.Globalization;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Encode;

namespace MediaGate.Benchmarks;

/// <summary>
/// `pipeline-cpu --photos DIR --models DIR [--detector NAME] [--runs 3] [--max-side N] [--verifier 1]`: CPU time of the whole anonymise
/// pipeline per photo (with --max-side, as `anonymise --max-side N`: detected and written at that size), in-process after a warm-up (no process start, no JIT), next to the in-process floor
/// of the same photo's decode + encode through the same libjpeg-turbo. Prints a markdown table.
/// </summary>
internal static class PipelineCpuBenchmark
{
    public static int Run(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args);
        string? photos = arguments?.Get("photos");
        if (arguments is null || photos is null)
        {
            Console.Error.WriteLine("usage: pipeline-cpu --photos DIR --models DIR [--detector NAME] [--runs 3] [--max-side N] [--verifier 1]");
            return 1;
        }

        // As `anonymise` opens it: every detection is masked, so the verifier (which only marks faces certain) is not asked;
        // --verifier 1 measures the pipeline with it.
        Outcome<IFaceDetector> detector = FaceDetectorFactory.Open(
            arguments.Get("models"), arguments.Get("detector"), new DetectorOptions { UseVerifier = arguments.GetInt("verifier", 0) != 0 });
        if (!detector.IsSuccess)
        {
            Console.Error.WriteLine(detector.Failure.ToString());
            return 1;
        }

        using IFaceDetector faceDetector = detector.Value;
        var options = new IngestOptions();
        var pipeline = new IngestPipeline(faceDetector, options);
        string[] files = Directory.GetFiles(photos, "*.jpg").Order(StringComparer.Ordinal).ToArray();
        int runs = arguments.GetInt("runs", 3);
        int? maxSide = arguments.Get("max-side") is null ? null : arguments.GetInt("max-side", 0);
        pipeline.Anonymise(new PhotoContext(File.ReadAllBytes(files[0])), maxSide);

        Console.WriteLine($"detector {faceDetector.Name}; {(maxSide is null ? "full size" : $"--max-side {maxSide}")}; median of {runs} runs per photo");
        Console.WriteLine();
        Console.WriteLine("| photo | faces | anonymise CPU ms | decode+encode CPU ms | ratio | decode | reduce | detect | mask | encode | verify |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        double totalPipeline = 0, totalFloor = 0;
        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            PhotoContext? last = null;
            double pipelineCpu = Median(runs, () =>
            {
                last = new PhotoContext(bytes);
                Outcome<PhotoContext> outcome = pipeline.Anonymise(last, maxSide);
                if (!outcome.IsSuccess)
                {
                    throw new InvalidOperationException(outcome.Failure.ToString());
                }
            });
            double floorCpu = Median(runs, () =>
            {
                RgbImage image = PhotoReader.ReadUpright(bytes, options.Limits).Value.Image;
                _ = JpegEncoder.Encode(image, options.JpegQuality).Value;
            });
            totalPipeline += pipelineCpu;
            totalFloor += floorCpu;
            IReadOnlyDictionary<string, double> steps = last!.StepMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Path.GetFileName(file)} | {last.Faces!.Count} | {pipelineCpu:F0} | {floorCpu:F0} | {pipelineCpu / floorCpu:F2} | {Step(steps, "decode")} | {Step(steps, "reduce")} | {Step(steps, "detect")} | {Step(steps, "mask")} | {Step(steps, "encode")} | {Step(steps, "verify")} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **all** | | {totalPipeline:F0} | {totalFloor:F0} | **{totalPipeline / totalFloor:F2}** | | | | | | |"));
        Console.WriteLine();
        Console.WriteLine("Step columns: wall ms of the last run of each photo.");
        return 0;
    }

    private static string Step(IReadOnlyDictionary<string, double> steps, string name) =>
        steps.TryGetValue(name, out double ms) ? ms.ToString("F0", CultureInfo.InvariantCulture) : "-";

    /// <summary>Median CPU milliseconds (user + system, all threads) of <paramref name="work"/>.</summary>
    private static double Median(int runs, Action work)
    {
        var samples = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < runs; i++)
        {
            process.Refresh();
            TimeSpan before = process.TotalProcessorTime;
            work();
            process.Refresh();
            samples.Add((process.TotalProcessorTime - before).TotalMilliseconds);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}
