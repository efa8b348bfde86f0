using Microsoft.ML.OnnxRuntime;

namespace MediaGate.Ingest.Detect;

/// <summary>
/// Creates a face detector by model name ("blazeface-back", "yunet-n", "yunet-s") or, with no name, the
/// strongest one available (manifest preference: YuNet when its file is present, else BlazeFace back), with the
/// verifier (RetinaFace) as its second opinion when the verifier's file is present and matches its SHA-256.
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
        options ??= new DetectorOptions();
        var model = string.IsNullOrWhiteSpace(name) ? registry.ResolveDefault() : registry.Resolve(name);
        if (!model.IsSuccess)
        {
            return model.Failure;
        }

        ResolvedModel? verifier = null;
        if (options.UseVerifier && registry.ResolveVerifier() is { IsSuccess: true } found)
        {
            verifier = found.Value;
        }

        return Create(model.Value, options, verifier);
    }

    /// <summary>The detector of <paramref name="model"/>, with <paramref name="verifier"/> as its second opinion
    /// when given (else it decides alone, at its release-alone threshold).</summary>
    public static Outcome<IFaceDetector> Create(ResolvedModel model, DetectorOptions options, ResolvedModel? verifier = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var entry = model.Entry;
        if (entry.Role != ModelRole.Detector)
        {
            return new IngestFailure(IngestFailureKind.DetectionFailed, $"model '{entry.Name}' is a verifier, not a face detector");
        }

        if (verifier is not null && verifier.Entry.Role != ModelRole.Verifier)
        {
            throw new ArgumentException($"model '{verifier.Entry.Name}' is not a verifier.", nameof(verifier));
        }

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

        FaceVerifier? second = null;
        try
        {
            if (verifier is not null)
            {
                try
                {
                    second = new FaceVerifier(verifier.Entry.Name, OnnxSessions.Create(verifier, options), verifier.Entry.Thresholds.Release, options.Verifier ?? VerifierSettings.Default);
                }
                catch (OnnxRuntimeException e)
                {
                    session.Dispose();
                    return new IngestFailure(IngestFailureKind.DetectionFailed, $"verifier '{verifier.Entry.Name}' ({verifier.Path}) cannot be loaded: {e.Message}");
                }
            }

            return entry.Family switch
            {
                ModelFamily.YuNet => new YuNetDetector(entry.Name, session, options.MultiScale ?? MultiScaleSettings.YuNet, thresholds, second),
                ModelFamily.BlazeFace => new BlazeFaceDetector(entry.Name, session, options.MultiScale ?? MultiScaleSettings.BlazeFace, thresholds, second),
                _ => throw new InvalidOperationException($"No detector for family {entry.Family}."),
            };
        }
        catch
        {
            second?.Dispose();
            session.Dispose();
            throw;
        }
    }
}
