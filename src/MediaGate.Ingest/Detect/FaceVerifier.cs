using Microsoft.ML.OnnxRuntime;

namespace MediaGate.Ingest.Detect;

/// <summary>
/// The second opinion (issue 12): RetinaFace-MobileNet0.25, an independent model, looks again at the detector's
/// candidates, several per run in a mosaic of crops (<see cref="VerifierMosaic"/>), never at whole tiles. A
/// candidate is certain only when it scores a box on it at or above <see cref="Confirm"/>. Thread-safe: the session
/// is loaded once and shared; everything else is per call.
/// </summary>
public sealed class FaceVerifier : IDisposable
{
    // Boxes below this are no evidence for any confirm threshold worth having; it keeps the list short.
    private const float MinScore = 0.2f;

    private static readonly string[] InputNames = ["input0"];
    private static readonly string[] OutputNames = ["output0", "output1"];

    private readonly InferenceSession _session;
    private readonly float[] _priors;

    internal FaceVerifier(string name, InferenceSession session, float confirm, VerifierSettings settings)
    {
        Name = name;
        _session = session;
        Confirm = confirm;
        Settings = settings;
        _priors = RetinaFacePriors.Generate(settings.InputSide);
    }

    /// <summary>The model's name in models/manifest.json.</summary>
    public string Name { get; }

    /// <summary>The verifier's score at or above which a candidate is confirmed (manifest "confirm").</summary>
    public float Confirm { get; }

    public VerifierSettings Settings { get; }

    /// <summary>
    /// The verifier's best score on each face (a box whose IoU with it is at least
    /// <see cref="VerifierSettings.MinOverlap"/>; 0 when none), in the order given; NaN for faces past the per-photo
    /// budget, which were not looked at. Crops are cut from the smallest of <c>pyramid</c> (smaller copies of the
    /// photo already made) that is still large enough. Throws <see cref="OnnxRuntimeException"/> when the model fails.
    /// </summary>
    internal float[] Score(RgbImage image, IReadOnlyList<FaceBox> faces, IReadOnlyList<RgbImage>? pyramid = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(faces);
        var perRun = Settings.Grid * Settings.Grid;
        var scores = new float[faces.Count];
        Array.Fill(scores, float.NaN);
        var side = Settings.InputSide;
        var length = 3 * side * side;
        var buffer = TensorBuffers.Rent(length);
        try
        {
            for (var first = 0; first < faces.Count && first < perRun * Settings.MaxRunsPerPhoto; first += perRun)
            {
                var count = Math.Min(perRun, faces.Count - first);
                var tensor = buffer.AsMemory(0, length);
                tensor.Span.Clear();
                var placements = new VerifierMosaic.Placement[count];
                for (var k = 0; k < count; k++)
                {
                    placements[k] = VerifierMosaic.Plan(faces[first + k], image.Width, image.Height, k, Settings);
                    TensorLayout.WriteNchwBgrMinusMeans(Cut(image, placements[k], pyramid), placements[k].CellX, placements[k].CellY, side, side, tensor.Span);
                }

                var boxes = Run(tensor, side);
                for (var k = 0; k < count; k++)
                {
                    var placement = placements[k];
                    var face = faces[first + k];
                    scores[first + k] = boxes
                        .Where(b => placement.Holds(b.Box) && placement.ToPhoto(b.Box).IntersectionOverUnion(face) >= Settings.MinOverlap)
                        .Select(b => b.Score)
                        .DefaultIfEmpty(0f)
                        .Max();
                }
            }
        }
        finally
        {
            TensorBuffers.Return(buffer);
        }

        return scores;
    }

    public void Dispose() => _session.Dispose();

    /// <summary>The crop resized to its cell size, taken from the smallest pyramid level still large enough.</summary>
    private static RgbImage Cut(RgbImage image, VerifierMosaic.Placement placement, IReadOnlyList<RgbImage>? pyramid)
    {
        var scale = (double)placement.Width / placement.Crop.Width;
        var source = pyramid?.Where(p => (double)p.Width / image.Width >= scale).MinBy(p => p.Width) ?? image;
        var region = source == image
            ? placement.Crop
            : CascadeCrop.MapToLevel(placement.Crop, (double)source.Width / image.Width, source.Width, source.Height);
        return ImageResampler.ResizeRegion(source, region, placement.Width, placement.Height);
    }

    private List<ScoredBox> Run(Memory<float> tensor, int side)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tensor, [1, 3, side, side]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, InputNames, [input], OutputNames);
        var boxes = new List<ScoredBox>();
        RetinaFaceDecoder.Decode(_priors, outputs[0].GetTensorDataAsSpan<float>(), outputs[1].GetTensorDataAsSpan<float>(), MinScore, boxes);
        return boxes;
    }
}
