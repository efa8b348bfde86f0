namespace MediaGate.Ingest.Detect;

/// <summary>A rectangle of whole pixels (top-left corner, width, height).</summary>
internal readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;
}
