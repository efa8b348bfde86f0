using System.Diagnostics;
using System.Globalization;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;
using MediaGate.Ingest.Text;
using MediaGate.Testing.Text;

namespace MediaGate.Benchmarks;

/// <summary>
/// `text --faces DIR [--models DIR] [--every 3] [--start 0] [--seed 15] [--threads 1] [--box B --pixel P --unclip U]` (issue 15): names painted at run time onto the
/// labelled photos of eval/faces-dev, each photo first enlarged to 2048 px on the long side (the rendition size): Debian
/// fonts, label-like rectangles below labelled faces, rotation up to 30 degrees, perspective, x-heights 8-60 px. For
/// every name: the share of its word box inside the text masks (the masks the service applies: TextMasks with the face
/// margin 1.5). Reports the share of names with x-height >= 12 px that are >= 90% covered (and per x-height band), the
/// share of the photo area masked for text on the same photos without names, and the CPU time of one text detection
/// per 2048 px photo. Every `--every`-th photo of the set is used, from the `--start`-th (default 3 and 0: 81 of 241); runs
/// with other starts cover other photos, so a busy machine can measure the set in parallel parts.
/// </summary>
internal static class TextMaskBenchmark
{
    private const int RenditionSide = 2048;
    private const double Covered = 0.9;
    private const double FaceMargin = 1.5;
    private static readonly (double Low, double High)[] Bands = [(8, 12), (12, 20), (20, 40), (40, 60.01)];

    public static int Run(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args);
        var faces = arguments?.Get("faces");
        if (arguments is null || faces is null)
        {
            Console.Error.WriteLine("usage: text --faces DIR [--models DIR] [--every 3] [--start 0] [--seed 15] [--threads 1] [--box B --pixel P --unclip U]");
            return 1;
        }

        var registry = ModelRegistry.Open(arguments.Get("models"));
        var opened = registry.IsSuccess ? TextDetector.Open(registry.Value, new DetectorOptions { IntraOpThreads = arguments.GetInt("threads", 1) }) : registry.Failure;
        if (!opened.IsSuccess)
        {
            Console.Error.WriteLine(opened.Failure.ToString());
            return 1;
        }

        using var detector = opened.Value;
        var settings = detector.Settings with
        {
            BoxThreshold = Single(arguments.Get("box")) ?? detector.Settings.BoxThreshold,
            PixelThreshold = Single(arguments.Get("pixel")) ?? detector.Settings.PixelThreshold,
            UnclipRatio = Single(arguments.Get("unclip")) ?? detector.Settings.UnclipRatio,
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"thresholds: box {settings.BoxThreshold}, pixel {settings.PixelThreshold}, unclip {settings.UnclipRatio}"));
        using var painter = new NamePainter(arguments.GetInt("seed", 15));
        int every = Math.Max(1, arguments.GetInt("every", 3));
        int start = arguments.GetInt("start", 0);
        var photos = FacesDevSet.Load(faces).Where((_, i) => i % every == start % every).ToList();
        var names = new List<(double XHeight, double Coverage)>();
        var cleanShares = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        foreach (var photo in photos)
        {
            var read = PhotoReader.ReadUpright(File.ReadAllBytes(Path.Combine(faces, photo.RelativePath)), new IngestLimits());
            if (!read.IsSuccess)
            {
                continue;
            }

            var original = read.Value.Image;
            double scale = (double)RenditionSide / Math.Max(original.Width, original.Height);
            var clean = ImageResampler.Resize(original, (int)Math.Round(original.Width * scale), (int)Math.Round(original.Height * scale));
            var painted = clean.Clone();
            var boxes = photo.Faces.Where(f => !f.Invalid).Select(f => ((float)(f.Box.X * scale), (float)(f.Box.Y * scale), (float)(f.Box.Width * scale), (float)(f.Box.Height * scale))).ToList();
            var rendered = painter.PaintSome(painted.Pixels, painted.Width, painted.Height, boxes, 8, 60);

            process.Refresh();
            var before = process.TotalProcessorTime;
            var cleanRegions = detector.Detect(clean, settings);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
            var paintedRegions = detector.Detect(painted, settings);
            if (!cleanRegions.IsSuccess || !paintedRegions.IsSuccess)
            {
                Console.Error.WriteLine($"{photo.RelativePath}: {cleanRegions.Failure?.Message ?? paintedRegions.Failure?.Message}");
                continue;
            }

            var cleanCover = FaceMasker.CoverageOf(clean, FaceMasker.Plan(TextMasks.AsMaskBoxes(cleanRegions.Value, FaceMargin), new MaskOptions { Margin = FaceMargin }));
            cleanShares.Add((double)cleanCover.Count(c => c) / cleanCover.Length);
            var cover = FaceMasker.CoverageOf(painted, FaceMasker.Plan(TextMasks.AsMaskBoxes(paintedRegions.Value, FaceMargin), new MaskOptions { Margin = FaceMargin }));
            foreach (var name in rendered)
            {
                names.Add((name.XHeight, CoverageOf(name, cover, painted.Width, painted.Height)));
            }
        }

        Report(photos.Count, names, cleanShares, cpu, painter.Fonts.Count);
        return 0;
    }

    private static float? Single(string? value) => value is null ? null : float.Parse(value, CultureInfo.InvariantCulture);

    private static double CoverageOf(RenderedName name, bool[] cover, int width, int height)
    {
        var (x0, y0, x1, y1) = name.Bounds(width, height);
        int inside = 0, covered = 0;
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                if (name.Contains(x, y))
                {
                    inside++;
                    covered += cover[(y * width) + x] ? 1 : 0;
                }
            }
        }

        return inside == 0 ? 0 : (double)covered / inside;
    }

    private static void Report(int photos, List<(double XHeight, double Coverage)> names, List<double> cleanShares, List<double> cpu, int fonts)
    {
        var c = CultureInfo.InvariantCulture;
        var atLeast12 = names.Where(n => n.XHeight >= 12).ToList();
        Console.WriteLine(string.Create(c, $"photos: {photos} of eval/faces-dev enlarged to {RenditionSide} px; names painted: {names.Count} in {fonts} fonts"));
        Console.WriteLine(string.Create(c, $"names with x-height >= 12 px covered >= 90% by text masks: {Share(atLeast12.Count(n => n.Coverage >= Covered), atLeast12.Count)} (target >= 95%)"));
        foreach (var (low, high) in Bands)
        {
            var band = names.Where(n => n.XHeight >= low && n.XHeight < high).ToList();
            Console.WriteLine(string.Create(c, $"  x-height {low:0}-{Math.Floor(high):0} px: {Share(band.Count(n => n.Coverage >= Covered), band.Count)} covered >= 90%, mean coverage {(band.Count == 0 ? 0 : band.Average(n => n.Coverage)) * 100:0.0}%"));
        }

        cleanShares.Sort();
        Console.WriteLine(string.Create(c, $"photo area masked for text without names: mean {cleanShares.Average() * 100:0.00}%, median {cleanShares[cleanShares.Count / 2] * 100:0.00}%, max {cleanShares[^1] * 100:0.00}%, photos with any {cleanShares.Count(s => s > 0) * 100.0 / cleanShares.Count:0}%"));
        cpu.Sort();
        Console.WriteLine(string.Create(c, $"CPU per {RenditionSide} px photo (one text detection, 1 thread): mean {cpu.Average():0} ms, median {cpu[cpu.Count / 2]:0} ms, max {cpu[^1]:0} ms"));
    }

    private static string Share(int hits, int total) =>
        total == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{hits * 100.0 / total:0.0}% ({hits} of {total})");
}
