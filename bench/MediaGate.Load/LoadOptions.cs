using System.Globalization;

namespace MediaGate.Load;

/// <summary>The load run's settings, from <c>--name value</c> arguments (defaults are issue 7's run).</summary>
internal sealed record LoadOptions(int Tablets, int UploadsPerTablet, double Megapixels, TimeSpan VisibleLimit, int? Workers, bool KeepFolder, bool SmallPhotos = false, int WarmUp = 0, int ClipSeconds = 0, bool ClipNotNamed = false)
{
    public const string Usage =
        "usage: eng/load.sh [--photos large|small] [--tablets 20] [--uploads 3] [--megapixels 12] [--visible-limit-seconds 600] [--workers N] [--warm-up N] [--clip-seconds N [--clip-not-named]] [--keep]\n" +
        "  --clip-seconds N: tablet 0 also uploads a 1080p30 clip of N seconds when the burst starts; the report adds its times and the peak memory of the server with its ffmpeg processes;\n" +
        "    then, after the run, the tablet names the clip's faces (the largest as the child, the others as not in the setting) and the report adds the time and CPU until the parent is served the family copy (--clip-not-named: not)\n" +
        "  --warm-up N: before the measured burst, tablet 0 uploads N of the photos one at a time and waits for each decision (a node that has been running, not one just started)\n" +
        "  --photos small: each tablet uploads one faces-dev photo of about 1 MP (one or two faces), all at once (--uploads 1 unless given)";

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(20, 3, 12, TimeSpan.FromSeconds(600), null, false);
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            options = args[i] switch
            {
                "--tablets" => options with { Tablets = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--uploads" => options with { UploadsPerTablet = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--megapixels" => options with { Megapixels = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--visible-limit-seconds" => options with { VisibleLimit = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--workers" => options with { Workers = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--keep" => options with { KeepFolder = true },
                "--warm-up" => options with { WarmUp = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--clip-seconds" => options with { ClipSeconds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--clip-not-named" => options with { ClipNotNamed = true },
                "--photos" => Value() switch
                {
                    "small" => options with { SmallPhotos = true, UploadsPerTablet = args.Contains("--uploads") ? options.UploadsPerTablet : 1 },
                    "large" => options with { SmallPhotos = false },
                    var other => throw new ArgumentException($"--photos is large or small, not {other}\n{Usage}"),
                },
                _ => throw new ArgumentException($"unknown argument {args[i]}\n{Usage}"),
            };
        }

        return options is { Tablets: > 0, UploadsPerTablet: > 0, Megapixels: > 0, WarmUp: >= 0, ClipSeconds: >= 0 and <= 180 } ? options : throw new ArgumentException(Usage);
    }
}
