namespace MediaGate.Ingest.Detect;

/// <summary>Finds faces in an upright picture. Implementations load their ONNX session once and are thread-safe.</summary>
public interface IFaceDetector : IDisposable
{
    /// <summary>The model's name in models/manifest.json (e.g. "yunet-n", "blazeface-back").</summary>
    string Name { get; }

    /// <summary>Every face at or above the doubt threshold, merged across scales and tiles.</summary>
    Outcome<IReadOnlyList<DetectedFace>> Detect(RgbImage image);
}
