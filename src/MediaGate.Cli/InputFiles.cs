using MediaGate.Ingest.Sniff;

namespace MediaGate.Cli;

/// <summary>
/// Expands the PATH arguments of a verb: files are taken as given (whatever their name: the format is sniffed
/// from the bytes; special files are refused when read); folders are walked recursively for files with an
/// image extension (and, for a verb that takes clips, a video extension). A walk follows links but never enters a folder twice (device and inode are tracked, so
/// link loops end), never walks into the output folder, and takes each file once however many paths reach
/// it. What it leaves out is counted in <see cref="InputScan"/>, which the summary line reports.
/// </summary>
internal static class InputFiles
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".heic", ".heif", ".hif", ".avif", ".tif", ".tiff", ".gif",
    };

    /// <summary>What tablets and phones name their clips (MP4, MOV): a walk for <c>strip</c> or <c>anonymise</c> takes them too.</summary>
    private static readonly HashSet<string> ClipExtensions = new(StringComparer.OrdinalIgnoreCase) { ".mp4", ".m4v", ".mov", ".qt" };

    /// <summary>An input file, its path as the user gave it, and its path relative to the argument it came from.</summary>
    public sealed record InputFile(string DisplayPath, string FullPath, string RelativePath);

    /// <param name="arguments">The PATH arguments, in order.</param>
    /// <param name="outputFolder">The verb's output folder (null for a verb without outputs): never read as input.</param>
    /// <param name="takeClips">Whether a folder walk also takes files with a video extension (the verb runs clips through the video gate).</param>
    public static InputScan Expand(IEnumerable<string> arguments, string? outputFolder = null, bool takeClips = false)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var scan = new InputScan { TakesClips = takeClips };
        var visitedFolders = new HashSet<(ulong, ulong)>();
        var seenFiles = new Dictionary<(ulong, ulong), string>();
        FileIdentity? output = outputFolder is null ? null : FileIdentity.Of(outputFolder);
        foreach (string argument in arguments)
        {
            FileIdentity? identity = FileIdentity.Of(argument);
            if (identity is { IsDirectory: true } folder)
            {
                if (output is { } o && o.Key == folder.Key)
                {
                    scan.Problem = $"The output folder {outputFolder} is the input folder {argument}: outputs would replace the originals.";
                    return scan;
                }

                if (!visitedFolders.Add(folder.Key))
                {
                    scan.FoldersReachedTwice.Add(argument);
                    continue;
                }

                List<(InputFile File, FileIdentity? Identity)> found = Walk(argument, output, visitedFolders, scan);
                foreach ((InputFile file, FileIdentity? fileIdentity) in found.OrderBy(f => f.File.RelativePath, StringComparer.Ordinal))
                {
                    Add(scan, seenFiles, file, fileIdentity);
                }
            }
            else if (argument.Length == 0)
            {
                // An empty argument names no file (Path.GetFullPath would throw): it gets its own error line.
                Add(scan, seenFiles, new InputFile(argument, argument, argument), identity);
            }
            else
            {
                // A file is written to the output folder under its own name (a.png as a.jpg): in the file's own
                // folder that would replace the original a.jpg beside it, which is not even an input.
                string fullPath = Path.GetFullPath(argument);
                if (output is { } o && FileIdentity.Of(Path.GetDirectoryName(fullPath)!) is { } parent && o.Key == parent.Key)
                {
                    scan.Problem = $"The output folder {outputFolder} is the folder of the input {argument}: outputs would replace the files beside it.";
                    return scan;
                }

                Add(scan, seenFiles, new InputFile(argument, fullPath, Path.GetFileName(argument)), identity);
            }
        }

        return scan;
    }

    private static void Add(InputScan scan, Dictionary<(ulong, ulong), string> seenFiles, InputFile file, FileIdentity? identity)
    {
        // Missing and special files go through: reading them gives the file its own error line.
        if (identity is { IsRegularFile: true } regular)
        {
            if (seenFiles.TryGetValue(regular.Key, out string? first))
            {
                scan.Duplicates.Add($"{file.DisplayPath} (same file as {first})");
                return;
            }

            seenFiles[regular.Key] = file.DisplayPath;
            scan.Identities.Add(regular.Key);
        }

        scan.Files.Add(file);
    }

    private static List<(InputFile, FileIdentity?)> Walk(string argument, FileIdentity? output, HashSet<(ulong, ulong)> visitedFolders, InputScan scan)
    {
        string rootFull = Path.GetFullPath(argument);
        var found = new List<(InputFile, FileIdentity?)>();
        var pending = new Stack<string>();
        pending.Push(string.Empty);
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        while (pending.TryPop(out string? relativeFolder))
        {
            string display = relativeFolder.Length == 0 ? argument : Path.Combine(argument, relativeFolder);
            string[] names;
            try
            {
                names = Directory.EnumerateFileSystemEntries(Path.Combine(rootFull, relativeFolder), "*", options)
                    .Select(Path.GetFileName)
                    .Order(StringComparer.Ordinal)
                    .ToArray()!;
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                scan.UnreadableFolders.Add(display);
                continue;
            }

            foreach (string name in names)
            {
                string relative = Path.Combine(relativeFolder, name);
                if (name.StartsWith('.'))
                {
                    scan.CountDotEntry(display);
                    continue;
                }

                FileIdentity? identity = FileIdentity.Of(Path.Combine(rootFull, relative));
                if (identity is null && !Walked(name, scan.TakesClips))
                {
                    // An entry that cannot be looked up by its path (a name that is not valid UTF-8 comes back with
                    // U+FFFD; a path longer than PATH_MAX) may be a folder full of photos: it was counted as "a file
                    // without an image extension". One with an image extension goes on and gets its own error line.
                    scan.UnopenableNames.Add(Path.Combine(argument, relative));
                    continue;
                }

                if (identity is { IsDirectory: true } folder)
                {
                    if (output is { } o && o.Key == folder.Key)
                    {
                        scan.OutputFolderSkipped = Path.Combine(argument, relative);
                    }
                    else if (!visitedFolders.Add(folder.Key))
                    {
                        scan.FoldersReachedTwice.Add(Path.Combine(argument, relative));
                    }
                    else
                    {
                        pending.Push(relative);
                    }

                    continue;
                }

                if (!Walked(name, scan.TakesClips))
                {
                    scan.CountSkippedByExtension(display);
                    continue;
                }

                found.Add((new InputFile(Path.Combine(argument, relative), Path.Combine(rootFull, relative), relative), identity));
            }
        }

        return found;
    }

    private static bool Walked(string name, bool takeClips)
    {
        string extension = Path.GetExtension(name);
        return ImageExtensions.Contains(extension) || (takeClips && ClipExtensions.Contains(extension));
    }
}
