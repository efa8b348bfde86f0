namespace MediaGate.Testing;

/// <summary>
/// Where the tests find the repository and the shared data beside it (never copied into the repo). One file,
/// in the shared test library every test project references.
/// </summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared beside the repository, or MEDIAGATE_SHARED_DIR.</summary>
    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("MEDIAGATE_SHARED_DIR") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string ExifSamples => Path.Combine(Shared, "samples", "exif-samples");

    public static string SharedModels => Path.Combine(Shared, "models");

    public static string FacesDev => Path.Combine(Shared, "eval", "faces-dev");

    /// <summary>Sample photos extracted by eng/setup.sh.</summary>
    public static string SamplePhotos => Path.Combine(RepoRoot, "samples", "photos");

    /// <summary>Registry-installed models (eng/setup.sh).</summary>
    public static string InstalledModels => Path.Combine(RepoRoot, ".deps", "models");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MediaGate.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MediaGate.slnx not found above " + AppContext.BaseDirectory);
    }
}
