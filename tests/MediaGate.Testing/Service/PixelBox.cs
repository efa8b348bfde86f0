namespace MediaGate.Testing.Service;

/// <summary>A rectangle in an image's pixels (a face box of api.md: top-left corner, width, height).</summary>
internal readonly record struct PixelBox(double X, double Y, double W, double H)
{
    public static PixelBox Of(FaceView face)
    {
        ArgumentNullException.ThrowIfNull(face);
        return new PixelBox(face.X, face.Y, face.W, face.H);
    }

    /// <summary>The central part (fraction of each side) of the box: surely inside any mask planned around the face.</summary>
    public PixelBox Core(double fraction) =>
        new(X + (W * (1 - fraction) / 2), Y + (H * (1 - fraction) / 2), W * fraction, H * fraction);

    /// <summary>The box grown about its centre (a mask reaches about 1.3-1.5x past the face: product.md, Masking).</summary>
    public PixelBox Grown(double factor) => Core(factor);

    public bool Contains(double x, double y) => x >= X && x < X + W && y >= Y && y < Y + H;
}
