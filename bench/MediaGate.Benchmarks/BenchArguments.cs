namespace MediaGate.Benchmarks;

/// <summary>`--name value` pairs after the verb.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private BenchArguments()
    {
    }

    public static BenchArguments? Parse(IReadOnlyList<string> args)
    {
        var parsed = new BenchArguments();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                Console.Error.WriteLine($"expected --name value, got '{args[i]}'");
                return null;
            }

            parsed._values[args[i][2..]] = args[i + 1];
        }

        return parsed;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public int GetInt(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
