using Microsoft.ML.OnnxRuntime;

namespace MediaGate.Ingest.Detect;

/// <summary>MediaPipe BlazeFace back on each 256x256 window: NHWC RGB input in -1..1.</summary>
internal sealed class BlazeFaceDetector : TiledFaceDetector
{
    private const int Side = BlazeFaceAnchors.InputSide;

    private static readonly string[] InputNames = ["input:0"];

    // Fine-layer scores, coarse-layer scores, fine-layer regressors, coarse-layer regressors.
    private static readonly string[] OutputNames = ["Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0"];

    public BlazeFaceDetector(string name, InferenceSession session, MultiScaleSettings settings, DetectionThresholds thresholds, FaceVerifier? verifier = null)
        : base(name, session, settings, thresholds, verifier)
    {
        if (!settings.FixedTensor || settings.TileSide != Side)
        {
            throw new ArgumentException("BlazeFace back takes 256x256 tensors only.", nameof(settings));
        }
    }

    protected override TiledFaceDetector Sibling(MultiScaleSettings settings) =>
        new BlazeFaceDetector(Name, Session, settings, Thresholds, Verifier) { OwnsSessions = false };

    protected override void RunWindow(RgbImage levelImage, InferenceWindow window, float minScore, List<ScoredBox> into)
    {
        const int length = Side * Side * 3;
        var buffer = TensorBuffers.Rent(length);
        try
        {
            var tensor = buffer.AsMemory(0, length);
            TensorLayout.WriteNhwcSignedRgb(levelImage, window.Tile, Side, Side, tensor.Span);
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tensor, [1, Side, Side, 3]);
            using var runOptions = new RunOptions();
            using var outputs = Session.Run(runOptions, InputNames, [input], OutputNames);
            BlazeFaceDecoder.Decode(
                outputs[0].GetTensorDataAsSpan<float>(), outputs[2].GetTensorDataAsSpan<float>(), 0, minScore, into);
            BlazeFaceDecoder.Decode(
                outputs[1].GetTensorDataAsSpan<float>(), outputs[3].GetTensorDataAsSpan<float>(), BlazeFaceAnchors.FineCount, minScore, into);
        }
        finally
        {
            TensorBuffers.Return(buffer);
        }
    }
}
