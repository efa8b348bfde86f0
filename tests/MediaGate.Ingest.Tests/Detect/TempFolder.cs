namespace MediaGate.Ingest.Tests.Detect;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mediagate-detect-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
