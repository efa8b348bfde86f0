namespace MediaGate.Api.Cli;

/// <summary>
/// Expands the PATH arguments of a verb: files are taken as given; folders are walked recursively for
/// files with an image extension (a file given by name is always tried, whatever its name: the format is
/// sniffed from the bytes).
/// </summary>
internal static class InputFiles
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".heic", ".heif", ".hif", ".tif", ".tiff",
    };

    /// <summary>An input file, its path as the user gave it, and its path relative to the argument it came from.</summary>
    public sealed record InputFile(string DisplayPath, string FullPath, string RelativePath);

    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> arguments)
    {
        var files = new List<InputFile>();
        foreach (string argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                var root = new DirectoryInfo(argument);
                var found = root.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
                    .Where(f => ImageExtensions.Contains(f.Extension))
                    .Select(f => Path.GetRelativePath(root.FullName, f.FullName))
                    .Order(StringComparer.Ordinal);
                foreach (string relative in found)
                {
                    files.Add(new InputFile(Path.Combine(argument, relative), Path.Combine(root.FullName, relative), relative));
                }
            }
            else
            {
                files.Add(new InputFile(argument, Path.GetFullPath(argument), Path.GetFileName(argument)));
            }
        }

        return files;
    }
}
