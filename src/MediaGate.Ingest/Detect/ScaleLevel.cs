namespace MediaGate.Ingest.Detect;

/// <summary>The photo resized by <paramref name="Scale"/> to <paramref name="Width"/> x <paramref name="Height"/>.</summary>
internal readonly record struct ScaleLevel(double Scale, int Width, int Height);
