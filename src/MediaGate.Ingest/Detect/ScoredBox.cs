namespace MediaGate.Ingest.Detect;

/// <summary>A candidate face: a box, the detector's score (0..1), the scale level it was found at and, when
/// the model gives them, its five key points (same pixel space as the box).</summary>
internal readonly record struct ScoredBox(FaceBox Box, float Score, int Level = 0, FaceLandmarks? Landmarks = null);
