using System.Globalization;

namespace MediaGate.Cli;

/// <summary>
/// The files a verb will read, and what the folder walk left out and why, so that nothing is skipped
/// without a word: the summary line on stderr names the counts and the folders.
/// </summary>
internal sealed class InputScan
{
    private const int FoldersNamed = 3;

    public List<InputFiles.InputFile> Files { get; } = [];

    /// <summary>Device and inode of every regular input file (an output must never replace one).</summary>
    public HashSet<(ulong, ulong)> Identities { get; } = [];

    /// <summary>Whether the walk took files with a video extension too (said in the summary of what it left out).</summary>
    public bool TakesClips { get; init; }

    /// <summary>Set when the arguments cannot be run at all (a usage error, nothing is touched).</summary>
    public string? Problem { get; set; }

    public List<string> Duplicates { get; } = [];

    public List<string> UnreadableFolders { get; } = [];

    public List<string> FoldersReachedTwice { get; } = [];

    /// <summary>Entries that cannot be looked up by path: a name that is not valid UTF-8 (shown with U+FFFD), a path over PATH_MAX.</summary>
    public List<string> UnopenableNames { get; } = [];

    public string? OutputFolderSkipped { get; set; }

    public SortedDictionary<string, int> SkippedByExtension { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> DotEntries { get; } = new(StringComparer.Ordinal);

    public void CountSkippedByExtension(string folder) => SkippedByExtension[folder] = SkippedByExtension.GetValueOrDefault(folder) + 1;

    public void CountDotEntry(string folder) => DotEntries[folder] = DotEntries.GetValueOrDefault(folder) + 1;

    /// <summary>"; skipped ..." for the summary line, or empty when nothing was left out.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (SkippedByExtension.Count > 0)
        {
            parts.Add($"{SkippedByExtension.Values.Sum()} files without an image {(TakesClips ? "or video " : string.Empty)}extension ({Folders(SkippedByExtension)})");
        }

        if (DotEntries.Count > 0)
        {
            parts.Add($"{DotEntries.Values.Sum()} hidden (dot) files or folders ({Folders(DotEntries)})");
        }

        if (UnreadableFolders.Count > 0)
        {
            parts.Add($"{UnreadableFolders.Count} unreadable folders ({Named(UnreadableFolders)})");
        }

        if (UnopenableNames.Count > 0)
        {
            parts.Add($"{UnopenableNames.Count} entries that cannot be opened by name (not UTF-8, or the path too long) ({Named(UnopenableNames)})");
        }

        if (FoldersReachedTwice.Count > 0)
        {
            parts.Add($"{FoldersReachedTwice.Count} links to folders already walked ({Named(FoldersReachedTwice)})");
        }

        if (Duplicates.Count > 0)
        {
            parts.Add($"{Duplicates.Count} repeated inputs ({Named(Duplicates)})");
        }

        if (OutputFolderSkipped is not null)
        {
            parts.Add($"the output folder {OutputFolderSkipped}");
        }

        return parts.Count == 0 ? string.Empty : "; skipped " + Printable(string.Join(", ", parts));
    }

    /// <summary>
    /// The text with control characters shown as \uXXXX: names come from the disk, and an escape sequence in a
    /// folder name written raw to a terminal could rewrite what the user sees (the JSON lines escape them already).
    /// </summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            _ = char.IsControl(c) ? builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Folders(SortedDictionary<string, int> counts) =>
        Named(counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}: {c.Value}")).ToList());

    private static string Named(IReadOnlyList<string> items) =>
        items.Count <= FoldersNamed ? string.Join(", ", items) : string.Join(", ", items.Take(FoldersNamed)) + $" and {items.Count - FoldersNamed} more";
}
