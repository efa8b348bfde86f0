namespace MediaGate.Ingest.Detect;

/// <summary>
/// A face found by a detector, in pixels of the upright image (top-left corner, width, height).
/// </summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
/// <param name="Score">The detector's confidence, 0..1.</param>
/// <param name="Uncertain">True when the score lies between the doubt and the release threshold: the
/// face is still masked, and the consent engine holds the photo for review.</param>
public sealed record DetectedFace(float X, float Y, float Width, float Height, float Score, bool Uncertain);
