using System.Text.Json;

namespace MediaGate.Ingest.Detect;

/// <summary>
/// models/manifest.json: the face-detection models MediaGate knows (name, family, file, SHA-256,
/// thresholds) and which to prefer when none is named. Weights are never committed; see
/// <see cref="ModelRegistry"/> for where files are looked for.
/// </summary>
public sealed class ModelManifest
{
    private ModelManifest(IReadOnlyList<ModelEntry> models, IReadOnlyList<string> preference)
    {
        Models = models;
        Preference = preference;
    }

    /// <summary>Where the build copies the manifest: models/manifest.json beside the application.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", "manifest.json");

    public IReadOnlyList<ModelEntry> Models { get; }

    /// <summary>Model names, strongest first: the default detector is the first one available.</summary>
    public IReadOnlyList<string> Preference { get; }

    public ModelEntry? Find(string name) =>
        Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    public static Outcome<ModelManifest> Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read the model manifest {path}: {e.Message}");
        }
    }

    public static Outcome<ModelManifest> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var models = new List<ModelEntry>();
            foreach (var element in document.RootElement.GetProperty("models").EnumerateArray())
            {
                var entry = ReadEntry(element);
                if (!entry.IsSuccess)
                {
                    return entry.Failure;
                }

                if (models.Any(m => string.Equals(m.Name, entry.Value.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    return Fail($"model '{entry.Value.Name}' is listed twice");
                }

                models.Add(entry.Value);
            }

            var preference = document.RootElement.TryGetProperty("preference", out var p)
                ? p.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
                : models.Where(m => m.Role == ModelRole.Detector).Select(m => m.Name).ToList();
            var unknown = preference.FirstOrDefault(n => !models.Any(m => m.Role == ModelRole.Detector && string.Equals(m.Name, n, StringComparison.OrdinalIgnoreCase)));
            return unknown is not null
                ? Fail($"preference names unknown detector '{unknown}'")
                : new ModelManifest(models, preference);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Fail("the model manifest is malformed: " + e.Message);
        }
    }

    private static Outcome<ModelEntry> ReadEntry(JsonElement element)
    {
        var name = element.GetProperty("name").GetString() ?? string.Empty;
        var file = element.GetProperty("file").GetString() ?? string.Empty;
        var sha256 = (element.GetProperty("sha256").GetString() ?? string.Empty).ToLowerInvariant();
        var role = ModelRole.Detector;
        if (element.TryGetProperty("role", out var r) && !Enum.TryParse(r.GetString(), ignoreCase: true, out role))
        {
            return Fail($"model '{name}' has an unknown role");
        }

        var thresholds = element.GetProperty("thresholds");
        DetectionThresholds threshold;
        if (role == ModelRole.Verifier)
        {
            var confirm = thresholds.GetProperty("confirm").GetSingle();
            threshold = new DetectionThresholds(confirm, confirm);
        }
        else if (role == ModelRole.Text)
        {
            // Box score over pixel threshold; the rest of a text model's settings are read by Text.TextDetectorSettings.
            threshold = new DetectionThresholds(thresholds.GetProperty("box").GetSingle(), thresholds.GetProperty("pixel").GetSingle());
        }
        else
        {
            threshold = new DetectionThresholds(thresholds.GetProperty("release").GetSingle(), thresholds.GetProperty("doubt").GetSingle());
            if (thresholds.TryGetProperty("releaseAlone", out var alone))
            {
                threshold = threshold with { ReleaseAlone = alone.GetSingle() };
            }
        }

        if (name.Length == 0)
        {
            return Fail("a model has no name");
        }

        if (!Enum.TryParse<ModelFamily>(element.GetProperty("family").GetString(), ignoreCase: true, out var family))
        {
            return Fail($"model '{name}' has an unknown family");
        }

        // A bare file name only: the manifest must not point outside the models folders.
        if (file.Length == 0 || file != Path.GetFileName(file) || file is "." or "..")
        {
            return Fail($"model '{name}' must name a file without a folder");
        }

        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
        {
            return Fail($"model '{name}' needs a 64-digit hex SHA-256");
        }

        if (!threshold.IsValid)
        {
            return Fail($"model '{name}' needs 0 < doubt <= release <= 1 (and doubt <= releaseAlone <= 1)");
        }

        if ((role == ModelRole.Verifier) != (family == ModelFamily.RetinaFace) || (role == ModelRole.Text) != (family == ModelFamily.DbNet))
        {
            return Fail($"model '{name}': a {family} model cannot be a {role.ToString().ToLowerInvariant()}");
        }

        return new ModelEntry(name, family, file, sha256, threshold) { Role = role };
    }

    private static IngestFailure Fail(string message) => new(IngestFailureKind.DetectionFailed, message);
}
