using System.Security.Cryptography;

namespace MediaGate.Ingest.Detect;

/// <summary>
/// Finds the files of the models in the manifest: first in the installed models folder beside the
/// application (registry-installed models, copied there by the build), then in the operator's extra folder
/// (<c>--models DIR</c> or <c>MEDIAGATE_MODELS_DIR</c>). A file is accepted only when its SHA-256 matches
/// the manifest (product: no unknown weights decide what gets masked).
/// </summary>
public sealed class ModelRegistry
{
    /// <summary>Environment variable naming the extra models folder when no folder is passed.</summary>
    public const string ModelsDirectoryVariable = "MEDIAGATE_MODELS_DIR";

    // Model files are a few MB; anything far larger is not one of ours and is not read into memory.
    private const long MaxModelBytes = 256L * 1024 * 1024;

    public ModelRegistry(ModelManifest manifest, IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(folders);
        Manifest = manifest;
        Folders = folders;
    }

    public ModelManifest Manifest { get; }

    /// <summary>Folders searched, in order.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>The installed models folder beside the application.</summary>
    public static string InstalledFolder => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>
    /// The registry the application uses: the manifest and installed models beside the application, plus
    /// <paramref name="extraFolder"/> (or, when null, <c>MEDIAGATE_MODELS_DIR</c> if set).
    /// </summary>
    public static Outcome<ModelRegistry> Open(string? extraFolder)
    {
        var manifest = ModelManifest.Load(ModelManifest.DefaultPath);
        if (!manifest.IsSuccess)
        {
            return manifest.Failure;
        }

        extraFolder ??= Environment.GetEnvironmentVariable(ModelsDirectoryVariable);
        var folders = new List<string> { InstalledFolder };
        if (!string.IsNullOrWhiteSpace(extraFolder))
        {
            folders.Add(Path.GetFullPath(extraFolder));
        }

        return new ModelRegistry(manifest.Value, folders);
    }

    /// <summary>Finds and verifies the named model's file.</summary>
    public Outcome<ResolvedModel> Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var entry = Manifest.Find(name);
        if (entry is null)
        {
            return Fail($"unknown face detector '{name}'; known: {string.Join(", ", Manifest.Models.Select(m => m.Name))}");
        }

        var mismatched = new List<string>();
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, entry.File);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                continue;
            }

            if (info.Length > MaxModelBytes)
            {
                mismatched.Add(path);
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"cannot read model file {path}: {e.Message}");
            }

            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) == entry.Sha256)
            {
                return new ResolvedModel(entry, path, bytes);
            }

            mismatched.Add(path);
        }

        return mismatched.Count > 0
            ? Fail($"model '{entry.Name}': {string.Join(", ", mismatched)} does not match the SHA-256 in the manifest; refusing to load it")
            : Fail($"model '{entry.Name}' ({entry.File}) is not installed; looked in: {string.Join(", ", Folders)}. Pass --models DIR or set {ModelsDirectoryVariable}");
    }

    /// <summary>The first verifier in the manifest whose file is present and matches its SHA-256; a failure
    /// (with the reasons) when there is none, and the detector then decides alone.</summary>
    public Outcome<ResolvedModel> ResolveVerifier()
    {
        var reasons = new List<string>();
        foreach (var entry in Manifest.Models.Where(m => m.Role == ModelRole.Verifier))
        {
            var resolved = Resolve(entry.Name);
            if (resolved.IsSuccess)
            {
                return resolved;
            }

            reasons.Add(resolved.Failure.Message);
        }

        return Fail(reasons.Count == 0 ? "the manifest names no verifier" : "no verifier is available: " + string.Join("; ", reasons));
    }

    /// <summary>The first model in the manifest's preference order whose file is present and verified.</summary>
    public Outcome<ResolvedModel> ResolveDefault()
    {
        var reasons = new List<string>();
        foreach (var name in Manifest.Preference)
        {
            var resolved = Resolve(name);
            if (resolved.IsSuccess)
            {
                return resolved;
            }

            reasons.Add(resolved.Failure.Message);
        }

        return Fail("no face-detection model is available: " + string.Join("; ", reasons));
    }

    private static IngestFailure Fail(string message) => new(IngestFailureKind.DetectionFailed, message);
}
