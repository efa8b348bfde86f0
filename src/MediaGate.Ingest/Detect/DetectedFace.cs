namespace MediaGate.Ingest.Detect;

/// <summary>
/// A face found by a detector, in pixels of the upright image (top-left corner, width, height).
/// </summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
/// <param name="Score">The detector's confidence, 0..1.</param>
/// <param name="Uncertain">True for a faint detection (issue 12): masked like every face, but not certain, because
/// it scored below the release threshold or the verifier did not confirm it (<see cref="DetectionThresholds"/>).
/// A faint face is masked in every rendition but the manager's, never holds a photo and is not counted as a face
/// of the photo. The name is kept for the stored and API records; the CLI and API also call it "faint".</param>
public sealed record DetectedFace(float X, float Y, float Width, float Height, float Score, bool Uncertain);
