using System.Text.Json;

namespace MediaGate.Ingest.Text;

/// <summary>
/// A text model's thresholds and bounds (models/manifest.json, the "text" model's "thresholds").
/// </summary>
/// <param name="BoxThreshold">A region is kept when its mean probability reaches this ("box").</param>
/// <param name="PixelThreshold">A pixel is text when its probability reaches this ("pixel").</param>
/// <param name="UnclipRatio">DBNet shrinks text kernels when training; a region grows back by area x ratio / perimeter ("unclip").</param>
/// <param name="MinSide">Regions whose shorter side is below this many tensor pixels are noise ("minSide").</param>
/// <param name="MaxSide">The long side the picture is reduced to before detection: the rendition size ("maxSide").</param>
/// <param name="MaxPixels">At most this many tensor pixels per run, whatever the aspect ratio ("maxPixels"): bounds time and memory.</param>
/// <param name="MaxRegions">More regions than this fail the detection (and hold the rendition) instead of growing without bound ("maxRegions").</param>
public sealed record TextDetectorSettings(
    float BoxThreshold, float PixelThreshold, float UnclipRatio, int MinSide, int MaxSide, int MaxPixels, int MaxRegions)
{
    /// <summary>The values shipped in models/manifest.json (used when a manifest gives none).</summary>
    public static TextDetectorSettings Default { get; } = new(0.5f, 0.3f, 1.6f, 3, 2048, 2048 * 2048, 500);

    public bool IsValid =>
        PixelThreshold > 0f && PixelThreshold <= BoxThreshold && BoxThreshold <= 1f && UnclipRatio >= 0f
        && MinSide >= 1 && MaxSide >= 32 && MaxPixels >= 32 * 32 && MaxRegions >= 1;

    /// <summary>Reads the settings of the text model <paramref name="name"/> from the manifest's JSON.</summary>
    public static Outcome<TextDetectorSettings> FromManifest(string manifestJson, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(manifestJson);
            foreach (var model in document.RootElement.GetProperty("models").EnumerateArray())
            {
                if (!string.Equals(model.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var t = model.GetProperty("thresholds");
                var d = Default;
                var settings = new TextDetectorSettings(
                    t.GetProperty("box").GetSingle(),
                    t.GetProperty("pixel").GetSingle(),
                    t.TryGetProperty("unclip", out var u) ? u.GetSingle() : d.UnclipRatio,
                    t.TryGetProperty("minSide", out var m) ? m.GetInt32() : d.MinSide,
                    t.TryGetProperty("maxSide", out var s) ? s.GetInt32() : d.MaxSide,
                    t.TryGetProperty("maxPixels", out var p) ? p.GetInt32() : d.MaxPixels,
                    t.TryGetProperty("maxRegions", out var r) ? r.GetInt32() : d.MaxRegions);
                return settings.IsValid
                    ? settings
                    : new IngestFailure(IngestFailureKind.DetectionFailed, $"text model '{name}' needs 0 < pixel <= box <= 1, unclip >= 0, minSide >= 1, maxSide >= 32");
            }

            return new IngestFailure(IngestFailureKind.DetectionFailed, $"the manifest has no text model '{name}'");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new IngestFailure(IngestFailureKind.DetectionFailed, "the model manifest is malformed: " + e.Message);
        }
    }

    /// <summary>Reads them from the manifest the registry uses (the file beside the application).</summary>
    public static Outcome<TextDetectorSettings> FromManifestFile(string path, string name)
    {
        try
        {
            return FromManifest(File.ReadAllText(path), name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new IngestFailure(IngestFailureKind.DetectionFailed, $"cannot read the model manifest {path}: {e.Message}");
        }
    }

    /// <summary>The tensor size for a picture: long side at most <see cref="MaxSide"/>, at most <see cref="MaxPixels"/>, both multiples of 32.</summary>
    public (int Width, int Height) TensorSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        double scale = Math.Min(1.0, (double)MaxSide / Math.Max(width, height));
        scale = Math.Min(scale, Math.Sqrt((double)MaxPixels / ((double)width * height)));
        int w = RoundTo32(width * scale), h = RoundTo32(height * scale);

        // Rounding up may pass the pixel cap by a row of cells: step down until it fits.
        while ((long)w * h > MaxPixels && (w > 32 || h > 32))
        {
            if (w >= h) { w -= 32; } else { h -= 32; }
        }

        return (w, h);
    }

    private static int RoundTo32(double side) => Math.Max(32, (int)Math.Round(side / 32.0) * 32);
}
