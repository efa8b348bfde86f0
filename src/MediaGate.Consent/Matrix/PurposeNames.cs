namespace MediaGate.Consent.Matrix;

/// <summary>The purposes' names as the API, the CSV and the database spell them (api.md: journal, website, publicity, events).</summary>
public static class PurposeNames
{
    public static IReadOnlyList<Purpose> All { get; } = [Purpose.Journal, Purpose.Website, Purpose.Publicity, Purpose.Events];

    public static string Name(this Purpose purpose) => purpose switch
    {
        Purpose.Journal => "journal",
        Purpose.Website => "website",
        Purpose.Publicity => "publicity",
        Purpose.Events => "events",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown purpose"),
    };

    public static bool TryParse(string? text, out Purpose purpose)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                purpose = candidate;
                return true;
            }
        }

        purpose = default;
        return false;
    }
}
