using MediaGate.Ingest.Detect;
using Microsoft.ML.OnnxRuntime;

namespace MediaGate.Ingest.Text;

/// <summary>
/// Finds text in a picture (issue 15: names on labels, coat pegs, clothing) with PP-OCRv4's DBNet detector through
/// ONNX Runtime. The picture is reduced to the rendition size (<see cref="TextDetectorSettings.MaxSide"/>, at most
/// <see cref="TextDetectorSettings.MaxPixels"/>, sides multiples of 32), normalised as PaddleOCR trains it (BGR
/// planes, ImageNet mean and std), run once, and the probability map turned into boxes by <see cref="TextBoxes"/>.
/// Boxes are returned in pixels of the picture given. One session, created once; runs are serialised (the
/// service detects text only for photos a manager approves for the website or publicity).
/// </summary>
public sealed class TextDetector : IDisposable
{
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly Lock _gate = new();

    private TextDetector(string name, InferenceSession session, TextDetectorSettings settings)
    {
        Name = name;
        _session = session;
        Settings = settings;
        _inputNames = [session.InputMetadata.Keys.First()];
        _outputNames = [session.OutputMetadata.Keys.First()];
    }

    /// <summary>The model's name in the manifest.</summary>
    public string Name { get; }

    public TextDetectorSettings Settings { get; }

    /// <summary>Opens the first text model of the registry whose file is installed and matches its SHA-256.</summary>
    public static Outcome<TextDetector> Open(ModelRegistry registry, DetectorOptions? options = null, string? manifestJson = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var reasons = new List<string>();
        foreach (var entry in registry.Manifest.Models.Where(m => m.Role == ModelRole.Text))
        {
            var resolved = registry.Resolve(entry.Name);
            if (!resolved.IsSuccess)
            {
                reasons.Add(resolved.Failure.Message);
                continue;
            }

            var settings = manifestJson is null
                ? TextDetectorSettings.FromManifestFile(ModelManifest.DefaultPath, entry.Name)
                : TextDetectorSettings.FromManifest(manifestJson, entry.Name);
            if (!settings.IsSuccess)
            {
                return settings.Failure;
            }

            try
            {
                return new TextDetector(entry.Name, OnnxSessions.Create(resolved.Value, options ?? new DetectorOptions()), settings.Value);
            }
            catch (OnnxRuntimeException e)
            {
                return new IngestFailure(IngestFailureKind.DetectionFailed, $"text model '{entry.Name}' ({resolved.Value.Path}) cannot be loaded: {e.Message}");
            }
        }

        return new IngestFailure(
            IngestFailureKind.DetectionFailed,
            reasons.Count == 0 ? "the manifest names no text model" : "no text model is available: " + string.Join("; ", reasons));
    }

    /// <summary>The text regions of <paramref name="image"/>, in its pixels; a failure when there are too many to trust.</summary>
    public Outcome<IReadOnlyList<TextRegion>> Detect(RgbImage image) => Detect(image, Settings.MaxSide);

    /// <summary>The same, run at most at <paramref name="maxSide"/> on the long side (the rendition size, when smaller than the model's).</summary>
    public Outcome<IReadOnlyList<TextRegion>> Detect(RgbImage image, int maxSide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 32);
        return Detect(image, Settings with { MaxSide = Math.Min(maxSide, Settings.MaxSide) });
    }

    /// <summary>The same with other thresholds and bounds (the benchmark compares settings with it).</summary>
    internal Outcome<IReadOnlyList<TextRegion>> Detect(RgbImage image, TextDetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        var (width, height) = settings.TensorSize(image.Width, image.Height);
        var reduced = ImageResampler.Resize(image, width, height);
        int plane = width * height;
        var buffer = TensorBuffers.Rent(3 * plane);
        try
        {
            Fill(reduced, buffer.AsSpan(0, 3 * plane));
            List<TextRegion>? boxes;
            lock (_gate)
            {
                using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, 3 * plane), [1, 3, height, width]);
                using var runOptions = new RunOptions();
                using var outputs = _session.Run(runOptions, _inputNames, [input], _outputNames);
                boxes = TextBoxes.FromProbabilityMap(outputs[0].GetTensorDataAsSpan<float>(), width, height, settings);
            }

            if (boxes is null)
            {
                return new IngestFailure(IngestFailureKind.DetectionFailed, $"more than {settings.MaxRegions} text regions: not trusted to mask them all");
            }

            double sx = (double)image.Width / width, sy = (double)image.Height / height;
            return boxes.Select(b => b.Scaled(sx, sy)).ToList();
        }
        finally
        {
            TensorBuffers.Return(buffer);
        }
    }

    public void Dispose() => _session.Dispose();

    /// <summary>NCHW planes in PaddleOCR's order (its images are read as BGR), each (v / 255 - mean) / std.</summary>
    private static void Fill(RgbImage image, Span<float> tensor)
    {
        int plane = image.Width * image.Height;
        var px = image.Pixels;
        for (int c = 0; c < 3; c++)
        {
            int source = 2 - c;
            float scale = 1f / (255f * Std[c]), offset = Mean[c] / Std[c];
            var target = tensor.Slice(c * plane, plane);
            for (int i = 0; i < plane; i++)
            {
                target[i] = (px[(i * 3) + source] * scale) - offset;
            }
        }
    }
}
