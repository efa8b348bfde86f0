namespace MediaGate.Api.Cli;

/// <summary>
/// Output paths for one run: the input's relative path, with the extension made ".jpg" when the output is a
/// JPEG made from another format. Where two inputs would land on one name (a.png and a.heic, or a.png and
/// a.jpg), the converted one keeps its old extension in front: "a.png.jpg". Decided from the whole input
/// list, so the names never depend on which file finished first.
/// </summary>
internal sealed class OutputNames
{
    private readonly Dictionary<string, int> _claims = new(StringComparer.Ordinal);

    public OutputNames(IEnumerable<string> relativePaths)
    {
        foreach (string path in relativePaths)
        {
            string converted = Path.ChangeExtension(path, ".jpg");
            _claims[converted] = _claims.GetValueOrDefault(converted) + 1;
            if (!string.Equals(converted, path, StringComparison.Ordinal))
            {
                _claims[path] = _claims.GetValueOrDefault(path) + 1;
            }
        }
    }

    public string For(string relativePath, bool keepExtension)
    {
        string converted = Path.ChangeExtension(relativePath, ".jpg");
        if (keepExtension || string.Equals(converted, relativePath, StringComparison.Ordinal))
        {
            return relativePath;
        }

        return _claims.GetValueOrDefault(converted) > 1 ? relativePath + ".jpg" : converted;
    }
}
