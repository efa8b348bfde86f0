namespace MediaGate.Testing.Text;

/// <summary>Ground truth for one name painted onto a photo: the word's ink box as drawn (four corners, after rotation and perspective).</summary>
/// <param name="Text">The word.</param>
/// <param name="Font">The font file.</param>
/// <param name="XHeight">Its x-height in pixels of the photo it was painted on.</param>
/// <param name="Corners">Top-left, top-right, bottom-right, bottom-left of the word box, in photo pixels.</param>
internal sealed record RenderedName(string Text, string Font, double XHeight, (double X, double Y)[] Corners)
{
    /// <summary>The axis-aligned box around the corners.</summary>
    public (int X0, int Y0, int X1, int Y1) Bounds(int width, int height) => (
        Math.Clamp((int)Math.Floor(Corners.Min(c => c.X)), 0, width),
        Math.Clamp((int)Math.Floor(Corners.Min(c => c.Y)), 0, height),
        Math.Clamp((int)Math.Ceiling(Corners.Max(c => c.X)), 0, width),
        Math.Clamp((int)Math.Ceiling(Corners.Max(c => c.Y)), 0, height));

    /// <summary>True when the pixel centre (x + 0.5, y + 0.5) lies inside the word's quadrilateral (convex, clockwise on screen).</summary>
    public bool Contains(int x, int y)
    {
        double px = x + 0.5, py = y + 0.5;
        for (int i = 0; i < 4; i++)
        {
            var (ax, ay) = Corners[i];
            var (bx, by) = Corners[(i + 1) % 4];
            if (((bx - ax) * (py - ay)) - ((by - ay) * (px - ax)) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
