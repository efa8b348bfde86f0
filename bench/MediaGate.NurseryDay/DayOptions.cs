using System.Globalization;

namespace MediaGate.NurseryDay;

/// <summary>The day's settings, from <c>--name value</c> arguments.</summary>
internal sealed record DayOptions(string Models, int Children, int Tablets, double IntervalSeconds, int? Single, int? Two, TimeSpan DecideLimit, int? Workers, bool Keep)
{
    public const string Usage =
        "usage: eng/day.sh [--models DIR] [--children 12] [--tablets 4] [--interval-seconds 0] [--single N] [--two N] [--decide-limit-seconds 900] [--workers N] [--keep]";

    public static DayOptions Parse(string[] args)
    {
        var c = CultureInfo.InvariantCulture;
        var options = new DayOptions(MediaGate.Testing.TestPaths.SharedModels, 12, 4, 0, null, null, TimeSpan.FromSeconds(900), null, false);
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            options = args[i] switch
            {
                "--models" => options with { Models = Path.GetFullPath(Value()) },
                "--children" => options with { Children = int.Parse(Value(), c) },
                "--tablets" => options with { Tablets = int.Parse(Value(), c) },
                "--interval-seconds" => options with { IntervalSeconds = double.Parse(Value(), c) },
                "--single" => options with { Single = int.Parse(Value(), c) },
                "--two" => options with { Two = int.Parse(Value(), c) },
                "--decide-limit-seconds" => options with { DecideLimit = TimeSpan.FromSeconds(double.Parse(Value(), c)) },
                "--workers" => options with { Workers = int.Parse(Value(), c) },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"unknown argument {args[i]}\n{Usage}"),
            };
        }

        return options is { Children: >= 2, Tablets: > 0, IntervalSeconds: >= 0 } ? options : throw new ArgumentException(Usage);
    }
}
