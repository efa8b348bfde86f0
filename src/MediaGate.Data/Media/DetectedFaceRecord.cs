using MediaGate.Consent.Media;

namespace MediaGate.Data.Media;

/// <summary>A face the detector found, before it is stored (the store gives it its id).</summary>
/// <param name="Number">1-based.</param>
/// <param name="Box">Pixels of the upright master.</param>
/// <param name="Score">0..1.</param>
/// <param name="Uncertain">Below the confident threshold.</param>
public sealed record DetectedFaceRecord(int Number, FaceBox Box, float Score, bool Uncertain);
