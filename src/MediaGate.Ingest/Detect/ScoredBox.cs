namespace MediaGate.Ingest.Detect;

/// <summary>A candidate face: a box and the detector's score (0..1).</summary>
internal readonly record struct ScoredBox(FaceBox Box, float Score);
