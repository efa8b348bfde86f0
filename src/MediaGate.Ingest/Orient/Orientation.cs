using System.Collections;

namespace MediaGate.Ingest.Orient;

/// <summary>
/// Applies an EXIF orientation (1..8, TIFF 6.0 tag 0x0112) to decoded pixels, so that every later step and
/// every output sees the photo upright and no orientation tag is needed (product.md, Metadata).
/// </summary>
public static class Orientation
{
    /// <summary>
    /// Up to this many pixels (48 MB of RGB) the upright image is written to a new buffer, which is fast. Above
    /// it the pixels are rearranged in place, slower (cycle-following) but without a second buffer: a rotated
    /// 48 MP photo must not need another 144 MB, so that peak memory stays bounded whatever the input.
    /// </summary>
    internal const int InPlaceAbovePixels = 16_000_000;

    /// <summary>
    /// Returns the upright image. Above <see cref="InPlaceAbovePixels"/> the pixels are rearranged in the same
    /// buffer, so <paramref name="image"/> must not be used afterwards; for orientation 1 the same instance is
    /// returned.
    /// </summary>
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

        if ((long)image.Width * image.Height <= InPlaceAbovePixels)
        {
            return Copy(image, orientation);
        }

        return InPlace(image, orientation);
    }

    /// <summary>The upright image in the same buffer.</summary>
    internal static RgbImage InPlace(RgbImage image, int orientation)
    {
        int w = image.Width;
        int h = image.Height;
        int targetWidth = orientation >= 5 ? h : w;
        Permute(image.Pixels, w * h, source => TargetIndex(source, w, h, targetWidth, orientation));
        return orientation >= 5 ? new RgbImage(h, w, image.Pixels) : new RgbImage(w, h, image.Pixels);
    }

    /// <summary>The upright image in a new buffer.</summary>
    internal static RgbImage Copy(RgbImage image, int orientation)
    {
        int w = image.Width;
        int h = image.Height;
        int targetWidth = orientation >= 5 ? h : w;
        var result = orientation >= 5 ? new RgbImage(h, w) : new RgbImage(w, h);
        byte[] source = image.Pixels;
        byte[] target = result.Pixels;
        for (int y = 0, s = 0; y < h; y++)
        {
            // Along a stored row the target index moves by a constant step (+-1 or +-target width).
            int t = TargetIndex(y * w, w, h, targetWidth, orientation) * 3;
            int step = w > 1 ? (TargetIndex((y * w) + 1, w, h, targetWidth, orientation) * 3) - t : 0;
            for (int x = 0; x < w; x++, s += 3, t += step)
            {
                target[t] = source[s];
                target[t + 1] = source[s + 1];
                target[t + 2] = source[s + 2];
            }
        }

        return result;
    }

    /// <summary>Where the pixel at stored index <paramref name="source"/> belongs in the upright image.</summary>
    private static int TargetIndex(int source, int w, int h, int targetWidth, int orientation)
    {
        int y = Math.DivRem(source, w, out int x);
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
        return (ty * targetWidth) + tx;
    }

    /// <summary>
    /// Moves every 3-byte pixel to its target index by following the permutation's cycles, with one bit of
    /// bookkeeping per pixel instead of a second image.
    /// </summary>
    private static void Permute(byte[] pixels, int count, Func<int, int> target)
    {
        var placed = new BitArray(count);
        for (int start = 0; start < count; start++)
        {
            if (placed[start])
            {
                continue;
            }

            int current = start;
            byte r = pixels[current * 3];
            byte g = pixels[(current * 3) + 1];
            byte b = pixels[(current * 3) + 2];
            do
            {
                int next = target(current);
                int o = next * 3;
                (r, pixels[o]) = (pixels[o], r);
                (g, pixels[o + 1]) = (pixels[o + 1], g);
                (b, pixels[o + 2]) = (pixels[o + 2], b);
                placed[next] = true;
                current = next;
            }
            while (current != start);
        }
    }
}
