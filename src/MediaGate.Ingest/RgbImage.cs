namespace MediaGate.Ingest;

/// <summary>
/// A decoded picture: 8-bit RGB, interleaved, rows top to bottom with no padding (stride = 3 x width).
/// Every step after decoding works on this one layout; alpha is flattened at decode time because every
/// output is a JPEG.
/// </summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height)
        : this(width, height, new byte[checked(width * height * 3)])
    {
    }

    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length < (long)width * height * 3)
        {
            throw new ArgumentException("Pixel buffer is smaller than width x height x 3.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public int Stride => Width * 3;

    /// <summary>RGB bytes, <see cref="Stride"/> bytes per row.</summary>
    public byte[] Pixels { get; }

    public Span<byte> Row(int y) => Pixels.AsSpan(y * Stride, Stride);

    public RgbImage Clone() => new(Width, Height, (byte[])Pixels.Clone());
}
