using Microsoft.ML.OnnxRuntime;

namespace MediaGate.Ingest.Detect;

/// <summary>
/// Creates a face detector by model name ("blazeface-back", "yunet-n", "yunet-s") or, with no name, the
/// strongest one available (manifest preference: YuNet when its file is present, else BlazeFace back).
/// </summary>
public static class FaceDetectorFactory
{
    /// <summary>
    /// Opens the registry (installed models plus <paramref name="extraFolder"/>, else MEDIAGATE_MODELS_DIR) and
    /// creates the named detector, or the strongest available when <paramref name="name"/> is empty.
    /// </summary>
    public static Outcome<IFaceDetector> Open(string? extraFolder, string? name, DetectorOptions? options = null)
    {
        Outcome<ModelRegistry> registry = ModelRegistry.Open(extraFolder);
        return registry.IsSuccess ? Create(registry.Value, name, options) : registry.Failure;
    }

    public static Outcome<IFaceDetector> Create(ModelRegistry registry, string? name, DetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var model = string.IsNullOrWhiteSpace(name) ? registry.ResolveDefault() : registry.Resolve(name);
        return model.IsSuccess ? Create(model.Value, options ?? new DetectorOptions()) : model.Failure;
    }

    public static Outcome<IFaceDetector> Create(ResolvedModel model, DetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var entry = model.Entry;
        var thresholds = options.Thresholds ?? entry.Thresholds;
        if (!thresholds.IsValid)
        {
            throw new ArgumentException($"Thresholds need 0 < doubt <= release <= 1: {thresholds}.", nameof(options));
        }

        InferenceSession session;
        try
        {
            session = OnnxSessions.Create(model, options);
        }
        catch (OnnxRuntimeException e)
        {
            return new IngestFailure(IngestFailureKind.DetectionFailed, $"model '{entry.Name}' ({model.Path}) cannot be loaded: {e.Message}");
        }

        try
        {
            return entry.Family switch
            {
                ModelFamily.YuNet => new YuNetDetector(entry.Name, session, options.MultiScale ?? MultiScaleSettings.YuNet, thresholds),
                ModelFamily.BlazeFace => new BlazeFaceDetector(entry.Name, session, options.MultiScale ?? MultiScaleSettings.BlazeFace, thresholds),
                _ => throw new InvalidOperationException($"No detector for family {entry.Family}."),
            };
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
