using MediaGate.Ingest;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Text;

namespace MediaGate.Gate.Renditions;

/// <summary>
/// The service's one text detector (issue 15), opened on first use from the installed models (plus
/// <c>Ingest:ModelsDir</c> / <c>MEDIAGATE_MODELS_DIR</c>): only photos a manager approves for the website or
/// publicity are searched, so a node that never makes such a rendition never loads the model. When the model cannot
/// be opened, every website and publicity rendition is withheld (fail closed) and the reason is kept for the log.
/// </summary>
public sealed class TextRegionScanner : IDisposable
{
    private readonly Lazy<Outcome<TextDetector>> _detector;

    public TextRegionScanner(Func<Outcome<TextDetector>> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _detector = new Lazy<Outcome<TextDetector>>(open, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The scanner over the installed text model and, when given, an operator's models folder.</summary>
    public static TextRegionScanner Installed(string? modelsFolder = null) => new(() =>
    {
        var registry = ModelRegistry.Open(modelsFolder);
        return registry.IsSuccess ? TextDetector.Open(registry.Value, new DetectorOptions { CpuArena = false }) : registry.Failure;
    });

    /// <summary>The detector, or why there is none.</summary>
    public Outcome<TextDetector> Detector => _detector.Value;

    public void Dispose()
    {
        if (_detector.IsValueCreated && _detector.Value.IsSuccess)
        {
            _detector.Value.Value.Dispose();
        }
    }
}
