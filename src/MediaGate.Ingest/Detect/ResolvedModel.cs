namespace MediaGate.Ingest.Detect;

/// <summary>
/// A manifest entry and the bytes of the file whose SHA-256 matched it. The session is created from
/// these very bytes, so a file swapped after the check cannot be loaded instead.
/// </summary>
public sealed class ResolvedModel
{
    internal ResolvedModel(ModelEntry entry, string path, byte[] bytes)
    {
        Entry = entry;
        Path = path;
        Bytes = bytes;
    }

    public ModelEntry Entry { get; }

    /// <summary>Where the file was found (for messages).</summary>
    public string Path { get; }

    internal byte[] Bytes { get; }
}
