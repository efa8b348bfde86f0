using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Mask;

/// <summary>
/// One masked area: a rounded box (a superellipse |x/a|^4 + |y/b|^4 &lt;= 1) centred on a face, whose
/// half-sides are the face box's grown by the margin. The rounded shape covers the whole face box (its
/// corners lie at 0.52 of the boundary for a 1.4 margin) and looks calmer in a photo than a rectangle.
/// </summary>
/// <param name="CenterX">Centre, in pixels.</param>
/// <param name="CenterY">Centre, in pixels.</param>
/// <param name="HalfWidth">Half-width a, in pixels.</param>
/// <param name="HalfHeight">Half-height b, in pixels.</param>
public readonly record struct MaskRegion(double CenterX, double CenterY, double HalfWidth, double HalfHeight)
{
    public static MaskRegion Around(DetectedFace face, double margin) => new(
        face.X + (face.Width / 2.0),
        face.Y + (face.Height / 2.0),
        Math.Max(1.0, face.Width * margin / 2.0),
        Math.Max(1.0, face.Height * margin / 2.0));

    /// <summary>Superellipse "radius" of a point: below 1 inside, 1 on the edge.</summary>
    public double NormalisedRadius(double x, double y)
    {
        double u = (x - CenterX) / HalfWidth;
        double v = (y - CenterY) / HalfHeight;
        double u2 = u * u;
        double v2 = v * v;
        return Math.Sqrt(Math.Sqrt((u2 * u2) + (v2 * v2)));
    }

    /// <summary>True when the pixel whose centre is (px + 0.5, py + 0.5) lies inside the mask.</summary>
    public bool Contains(int px, int py) => NormalisedRadius(px + 0.5, py + 0.5) <= 1.0;

    /// <summary>The pixel rows and columns the region touches, clipped to the image.</summary>
    public (int X0, int Y0, int X1, int Y1) PixelBounds(int width, int height) => (
        Math.Clamp((int)Math.Floor(CenterX - HalfWidth), 0, width),
        Math.Clamp((int)Math.Floor(CenterY - HalfHeight), 0, height),
        Math.Clamp((int)Math.Ceiling(CenterX + HalfWidth) + 1, 0, width),
        Math.Clamp((int)Math.Ceiling(CenterY + HalfHeight) + 1, 0, height));
}
