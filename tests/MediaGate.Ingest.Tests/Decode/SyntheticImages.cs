using MediaGate.Ingest.Interop;

namespace MediaGate.Ingest.Tests.Decode;

/// <summary>Images made in code for the codec tests: a known pattern, written through the real native encoders.</summary>
internal static class SyntheticImages
{
    /// <summary>A pattern whose four quadrants have distinct colours (red, green, blue, white), so flips and rotations show.</summary>
    public static RgbImage Quadrants(int width, int height)
    {
        var image = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = (x < width / 2, y < height / 2) switch
                {
                    (true, true) => (220, 20, 20),
                    (false, true) => (20, 220, 20),
                    (true, false) => (20, 20, 220),
                    _ => (240, 240, 240),
                };
                row[(x * 3) + 0] = (byte)r;
                row[(x * 3) + 1] = (byte)g;
                row[(x * 3) + 2] = (byte)b;
            }
        }

        return image;
    }

    /// <summary>A PNG written by libpng's simplified API; <paramref name="format"/> is PNG_FORMAT_* (RGB 2, RGBA 3).</summary>
    public static unsafe byte[] Png(byte[] pixels, int width, int height, uint format)
    {
        var channels = (int)(format & 1) + ((format & 2) != 0 ? 3 : 1);
        var image = default(LibPng.PngImage);
        image.version = LibPng.ImageVersion;
        image.width = (uint)width;
        image.height = (uint)height;
        image.format = format;
        nuint size = 0;
        fixed (byte* source = pixels)
        {
            if (LibPng.WriteToMemory(&image, null, &size, 0, source, width * channels, nint.Zero) == 0)
            {
                throw new InvalidOperationException("png_image_write_to_memory (size): " + LibPng.Message(&image));
            }

            var output = new byte[size];
            fixed (byte* target = output)
            {
                if (LibPng.WriteToMemory(&image, target, &size, 0, source, width * channels, nint.Zero) == 0)
                {
                    throw new InvalidOperationException("png_image_write_to_memory: " + LibPng.Message(&image));
                }
            }

            return output.AsSpan(0, (int)size).ToArray();
        }
    }

    public static byte[] Png(RgbImage image) => Png(image.Pixels, image.Width, image.Height, LibPng.FormatRgb);

    /// <summary>A lossless WebP of RGBA pixels (alpha kept), written by libwebp.</summary>
    public static unsafe byte[] WebPLossless(byte[] rgba, int width, int height)
    {
        byte* output = null;
        fixed (byte* source = rgba)
        {
            var size = LibWebP.EncodeLosslessRgba(source, width, height, width * 4, &output);
            try
            {
                return size == 0 ? throw new InvalidOperationException("WebPEncodeLosslessRGBA failed") : new ReadOnlySpan<byte>(output, (int)size).ToArray();
            }
            finally
            {
                LibWebP.Free(output);
            }
        }
    }

    /// <summary>A lossy WebP, written by libwebp.</summary>
    public static unsafe byte[] WebPLossy(RgbImage image, float quality)
    {
        byte* output = null;
        fixed (byte* source = image.Pixels)
        {
            var size = LibWebP.EncodeRgb(source, image.Width, image.Height, image.Stride, quality, &output);
            try
            {
                return size == 0 ? throw new InvalidOperationException("WebPEncodeRGB failed") : new ReadOnlySpan<byte>(output, (int)size).ToArray();
            }
            finally
            {
                LibWebP.Free(output);
            }
        }
    }

    /// <summary>Largest per-channel difference between two images of the same size.</summary>
    public static int MaxDifference(RgbImage a, RgbImage b)
    {
        if (a.Width != b.Width || a.Height != b.Height)
        {
            throw new ArgumentException($"Sizes differ: {a.Width}x{a.Height} vs {b.Width}x{b.Height}");
        }

        var max = 0;
        for (var i = 0; i < a.Width * a.Height * 3; i++)
        {
            max = Math.Max(max, Math.Abs(a.Pixels[i] - b.Pixels[i]));
        }

        return max;
    }

    /// <summary>Mean absolute per-channel difference between two images of the same size.</summary>
    public static double MeanDifference(RgbImage a, RgbImage b)
    {
        if (a.Width != b.Width || a.Height != b.Height)
        {
            throw new ArgumentException($"Sizes differ: {a.Width}x{a.Height} vs {b.Width}x{b.Height}");
        }

        long sum = 0;
        var count = a.Width * a.Height * 3;
        for (var i = 0; i < count; i++)
        {
            sum += Math.Abs(a.Pixels[i] - b.Pixels[i]);
        }

        return (double)sum / count;
    }
}
