namespace MediaGate.Ingest.Orient;

/// <summary>
/// Applies an EXIF orientation (1..8, TIFF 6.0 tag 0x0112) to decoded pixels, so that every later step and
/// every output sees the photo upright and no orientation tag is needed (product.md, Metadata).
/// </summary>
public static class Orientation
{
    /// <summary>Returns the upright image; for orientation 1 the same instance.</summary>
    /// <param name="image">Decoded pixels in stored order.</param>
    /// <param name="orientation">1 = as stored, 2 = mirrored, 3 = rotated 180, 4 = flipped, 5 = transposed,
    /// 6 = needs 90 degrees clockwise, 7 = transversed, 8 = needs 90 degrees counter-clockwise.</param>
    public static RgbImage ApplyExif(RgbImage image, int orientation)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(orientation, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orientation, 8);
        if (orientation == 1)
        {
            return image;
        }

        var (w, h) = (image.Width, image.Height);
        var swapsSides = orientation >= 5;
        var result = swapsSides ? new RgbImage(h, w) : new RgbImage(w, h);
        var source = image.Pixels;
        var target = result.Pixels;
        var targetWidth = result.Width;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (tx, ty) = orientation switch
                {
                    2 => (w - 1 - x, y),
                    3 => (w - 1 - x, h - 1 - y),
                    4 => (x, h - 1 - y),
                    5 => (y, x),
                    6 => (h - 1 - y, x),
                    7 => (h - 1 - y, w - 1 - x),
                    _ => (y, w - 1 - x),
                };
                var s = ((y * w) + x) * 3;
                var t = ((ty * targetWidth) + tx) * 3;
                target[t] = source[s];
                target[t + 1] = source[s + 1];
                target[t + 2] = source[s + 2];
            }
        }

        return result;
    }
}
