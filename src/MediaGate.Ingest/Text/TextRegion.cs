namespace MediaGate.Ingest.Text;

/// <summary>One detected text region: an axis-aligned box in pixels of the picture it was found on, and its score.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width, positive.</param>
/// <param name="Height">Height, positive.</param>
/// <param name="Score">Mean text probability over the region's pixels (0..1).</param>
public readonly record struct TextRegion(float X, float Y, float Width, float Height, float Score)
{
    /// <summary>The same region in a picture <paramref name="scaleX"/> and <paramref name="scaleY"/> times as large.</summary>
    public TextRegion Scaled(double scaleX, double scaleY) =>
        new((float)(X * scaleX), (float)(Y * scaleY), (float)(Width * scaleX), (float)(Height * scaleY), Score);
}
