namespace MediaGate.Cli;

/// <summary>
/// Output paths for one run, one per input, all different (compared without case, so they stay different on
/// a case-insensitive disk too). Every output is a JPEG: an input named .jpg/.jpeg/.jpe/.jfif keeps its name,
/// any other gets ".jpg" (decided from the name, never from the bytes, so a ".png" holding a JPEG cannot
/// change the plan). Where a converted name is also another input's name (a.png beside a.jpg), the converted
/// one keeps its old extension in front ("a.png.jpg"); where two inputs still want one name (t1/IMG_1.jpg and
/// t2/IMG_1.jpg given as files), the later one in input order gets "-2", "-3"... Decided from the whole input
/// list before any file is read, so the names never depend on which file finished first.
/// </summary>
internal sealed class OutputNames
{
    private static readonly HashSet<string> JpegExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".jpe", ".jfif" };

    private readonly string[] _names;

    public OutputNames(IReadOnlyList<string> relativePaths)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);

        // Which distinct input names want each output name: a.png and a.jpg both want a.jpg (a conflict between
        // names, solved by keeping the old extension); t1/a.png and t2/a.png given as files want it with one name.
        var sources = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in relativePaths)
        {
            Want(sources, Converted(path), path);
            Want(sources, path, path);
        }

        string[] wanted = relativePaths
            .Select(p => IsJpegName(p) || sources[Converted(p)].Count == 1 ? Converted(p) : p + ".jpg")
            .ToArray();
        var reserved = new HashSet<string>(wanted, StringComparer.OrdinalIgnoreCase);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        _names = new string[wanted.Length];
        for (int i = 0; i < wanted.Length; i++)
        {
            string name = wanted[i];
            int n = 1;

            // A suffixed name also avoids names another input wants for itself, so that input keeps its own.
            while (taken.Contains(name) || (n > 1 && reserved.Contains(name)))
            {
                n++;
                name = Path.Combine(Path.GetDirectoryName(wanted[i]) ?? string.Empty, $"{Path.GetFileNameWithoutExtension(wanted[i])}-{n}{Path.GetExtension(wanted[i])}");
            }

            taken.Add(name);
            _names[i] = name;
        }
    }

    /// <summary>The output path, relative to the output folder, of the input at <paramref name="index"/>.</summary>
    public string For(int index) => _names[index];

    private static void Want(Dictionary<string, HashSet<string>> sources, string name, string source)
    {
        if (!sources.TryGetValue(name, out HashSet<string>? set))
        {
            sources[name] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        set.Add(source);
    }

    private static bool IsJpegName(string path) => JpegExtensions.Contains(Path.GetExtension(path));

    private static string Converted(string path) => IsJpegName(path) ? path : Path.ChangeExtension(path, ".jpg");
}
