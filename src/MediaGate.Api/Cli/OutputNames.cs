namespace MediaGate.Api.Cli;

/// <summary>
/// Output paths for one run: the input's relative path, with the extension made ".jpg" when the output is a
/// JPEG made from another format; two inputs that would land on one name (a.png and a.heic) get distinct ones.
/// </summary>
internal sealed class OutputNames
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string For(string relativePath, bool keepExtension)
    {
        string candidate = keepExtension ? relativePath : Path.ChangeExtension(relativePath, ".jpg");
        string stem = Path.ChangeExtension(candidate, null);
        string extension = Path.GetExtension(candidate);
        for (int n = 2; !_used.Add(candidate); n++)
        {
            candidate = $"{stem}-{n}{extension}";
        }

        return candidate;
    }
}
