using System.Diagnostics;
using System.Globalization;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;

namespace MediaGate.Benchmarks;

/// <summary>
/// `detect-cost --photo FILE --models DIR [--detector NAME] [--width W --height H] [--runs N] [--threads N]`: wall and CPU
/// time of detection on one photo resized to W x H (default 4000 x 3000, a 12 MP tablet photo), and the
/// process's peak resident memory (Linux VmHWM), which the product bounds at 400 MB for a 12 MP photo.
/// </summary>
internal static class DetectionCostBenchmark
{
    public static int Run(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args);
        var photoPath = arguments?.Get("photo");
        if (arguments is null || photoPath is null)
        {
            Console.Error.WriteLine("usage: detect-cost --photo FILE --models DIR [--detector NAME] [--width 4000 --height 3000] [--runs 5] [--threads N] [--multi-scale SPEC] [--verifier 0]");
            return 1;
        }

        var options = new DetectorOptions();
        if (arguments.Get("multi-scale") is { } spec)
        {
            var family = (arguments.Get("detector") ?? "yunet-n").StartsWith("blazeface", StringComparison.Ordinal) ? MultiScaleSettings.BlazeFace : MultiScaleSettings.YuNet;
            options.MultiScale = SettingsOverride.Apply(family, spec);
        }

        options.IntraOpThreads = arguments.GetInt("threads", options.IntraOpThreads);
        options.UseVerifier = arguments.GetInt("verifier", 1) != 0;
        var detector = FaceDetectorFactory.Open(arguments.Get("models"), arguments.Get("detector"), options);
        var photo = PhotoReader.ReadUpright(File.ReadAllBytes(photoPath), new IngestLimits());
        if (!detector.IsSuccess || !photo.IsSuccess)
        {
            Console.Error.WriteLine(detector.Failure?.ToString() ?? photo.Failure?.ToString());
            return 1;
        }

        using var faceDetector = detector.Value;
        var image = ImageResampler.Resize(photo.Value.Image, arguments.GetInt("width", 4000), arguments.GetInt("height", 3000));
        var runs = arguments.GetInt("runs", 5);
        var wall = new List<double>();
        var cpu = new List<double>();
        var faces = 0;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var found = faceDetector.Detect(image);
            wall.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            faces = found.IsSuccess ? found.Value.Count : -1;
        }

        wall.Sort();
        cpu.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {faceDetector.Name}{(faceDetector is TiledFaceDetector { Verifier: { } v } ? " + " + v.Name : string.Empty)} | {image.Width}x{image.Height} | {options.IntraOpThreads} threads | {faces} faces | median {wall[runs / 2]:0} ms wall, {cpu[runs / 2]:0} ms CPU | peak RSS {PeakResidentMegabytes()} MB |"));
        return 0;
    }

    private static string PeakResidentMegabytes()
    {
        const string status = "/proc/self/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? "?" : (long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture);
    }
}
