using Microsoft.ML.OnnxRuntime;

namespace MediaGate.Ingest.Detect;

/// <summary>YuNet (libfacedetection) on each window: NCHW BGR 0..255 input of any multiple-of-32 size.</summary>
internal sealed class YuNetDetector : TiledFaceDetector
{
    private const string InputName = "input";

    // Output order: the three strides' cls, then obj, then bbox, then key points.
    private static readonly string[] OutputNames =
    [
        "cls_8", "cls_16", "cls_32", "obj_8", "obj_16", "obj_32", "bbox_8", "bbox_16", "bbox_32", "kps_8", "kps_16", "kps_32",
    ];

    private static readonly string[] InputNames = [InputName];

    public YuNetDetector(string name, InferenceSession session, MultiScaleSettings settings, DetectionThresholds thresholds, FaceVerifier? verifier = null)
        : base(name, session, settings, thresholds, verifier)
    {
        if (settings.FixedTensor || settings.TensorAlignment % 32 != 0)
        {
            throw new ArgumentException("YuNet takes tensors whose sides are multiples of 32.", nameof(settings));
        }
    }

    protected override TiledFaceDetector Sibling(MultiScaleSettings settings) =>
        new YuNetDetector(Name, Session, settings, Thresholds, Verifier) { OwnsSessions = false };

    protected override void RunWindow(RgbImage levelImage, InferenceWindow window, float minScore, List<ScoredBox> into)
    {
        var length = 3 * window.TensorWidth * window.TensorHeight;
        var buffer = TensorBuffers.Rent(length);
        try
        {
            var tensor = buffer.AsMemory(0, length);
            TensorLayout.WriteNchwBgr(levelImage, window.Tile, window.TensorWidth, window.TensorHeight, tensor.Span);
            using var input = OrtValue.CreateTensorValueFromMemory(
                OrtMemoryInfo.DefaultInstance, tensor, [1, 3, window.TensorHeight, window.TensorWidth]);
            using var runOptions = new RunOptions();
            using var outputs = Session.Run(runOptions, InputNames, [input], OutputNames);
            var strides = YuNetDecoder.Strides;
            for (var s = 0; s < strides.Length; s++)
            {
                YuNetDecoder.Decode(
                    strides[s],
                    window.TensorWidth,
                    window.TensorHeight,
                    outputs[s].GetTensorDataAsSpan<float>(),
                    outputs[s + strides.Length].GetTensorDataAsSpan<float>(),
                    outputs[s + (2 * strides.Length)].GetTensorDataAsSpan<float>(),
                    outputs[s + (3 * strides.Length)].GetTensorDataAsSpan<float>(),
                    minScore,
                    into);
            }
        }
        finally
        {
            TensorBuffers.Return(buffer);
        }
    }
}
