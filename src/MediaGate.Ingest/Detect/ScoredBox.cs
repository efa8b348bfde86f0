namespace MediaGate.Ingest.Detect;

/// <summary>A candidate face: a box, the detector's score (0..1) and the scale level it was found at.</summary>
internal readonly record struct ScoredBox(FaceBox Box, float Score, int Level = 0);
