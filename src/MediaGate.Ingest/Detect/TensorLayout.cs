using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MediaGate.Ingest.Detect;

/// <summary>
/// Copies a window of an <see cref="RgbImage"/> into a model's input tensor, top-left aligned, padding the
/// rest of the tensor (a letterbox). Each family wants its own layout.
/// </summary>
internal static class TensorLayout
{
    /// <summary>YuNet: 1x3xHxW, planes in B, G, R order, values 0..255; padding is black (0).</summary>
    public static void WriteNchwBgr(RgbImage image, PixelRect window, int tensorWidth, int tensorHeight, Span<float> tensor)
    {
        Check(image, window, tensorWidth, tensorHeight, tensor);
        var plane = tensorWidth * tensorHeight;
        var blue = tensor[..plane];
        var green = tensor.Slice(plane, plane);
        var red = tensor.Slice(2 * plane, plane);
        for (var y = 0; y < window.Height; y++)
        {
            var src = image.Row(window.Y + y).Slice(window.X * 3, window.Width * 3);
            var at = y * tensorWidth;
            SplitRow(src, red.Slice(at, window.Width), green.Slice(at, window.Width), blue.Slice(at, window.Width));

            // Padding right of the window (the tensor is reused from a pool: it is not zero).
            red.Slice(at + window.Width, tensorWidth - window.Width).Clear();
            green.Slice(at + window.Width, tensorWidth - window.Width).Clear();
            blue.Slice(at + window.Width, tensorWidth - window.Width).Clear();
        }

        var below = window.Height * tensorWidth;
        red[below..].Clear();
        green[below..].Clear();
        blue[below..].Clear();
    }

    /// <summary>Interleaved R, G, B bytes into three float planes: 16 pixels per step with SSSE3 byte shuffles (this
    /// loop touches every tensor pixel: about 8 ms of CPU per million pixels scalar, measured with bench detect-profile).</summary>
    internal static void SplitRow(ReadOnlySpan<byte> rgb, Span<float> red, Span<float> green, Span<float> blue)
    {
        var width = red.Length;
        if (rgb.Length != width * 3 || green.Length != width || blue.Length != width)
        {
            throw new ArgumentException("Row and planes disagree in length.", nameof(rgb));
        }

        var x = 0;
        if (Ssse3.IsSupported)
        {
            for (; x + 16 <= width; x += 16)
            {
                var a = Vector128.Create(rgb.Slice(x * 3, 16));
                var b = Vector128.Create(rgb.Slice((x * 3) + 16, 16));
                var c = Vector128.Create(rgb.Slice((x * 3) + 32, 16));
                Store(Gather(a, b, c, 0), red[x..]);
                Store(Gather(a, b, c, 1), green[x..]);
                Store(Gather(a, b, c, 2), blue[x..]);
            }
        }

        for (; x < width; x++)
        {
            red[x] = rgb[x * 3];
            green[x] = rgb[(x * 3) + 1];
            blue[x] = rgb[(x * 3) + 2];
        }
    }

    // For channel c, the byte of pixel k (0..15) of a 48-byte run is at 3k + c: in the first, second or third 16 bytes.
    // One shuffle mask per channel and part; 0x80 writes a zero, so the three parts are OR-ed together.
    private static readonly Vector128<byte>[] ShuffleMasks = MakeMasks();

    private static Vector128<byte>[] MakeMasks()
    {
        var masks = new Vector128<byte>[9];
        for (var channel = 0; channel < 3; channel++)
        {
            for (var part = 0; part < 3; part++)
            {
                var bytes = new byte[16];
                for (var k = 0; k < 16; k++)
                {
                    var position = (3 * k) + channel;
                    bytes[k] = position / 16 == part ? (byte)(position % 16) : (byte)0x80;
                }

                masks[(channel * 3) + part] = Vector128.Create(bytes);
            }
        }

        return masks;
    }

    private static Vector128<byte> Gather(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c, int channel) =>
        Ssse3.Shuffle(a, ShuffleMasks[channel * 3]) | Ssse3.Shuffle(b, ShuffleMasks[(channel * 3) + 1]) | Ssse3.Shuffle(c, ShuffleMasks[(channel * 3) + 2]);

    /// <summary>16 bytes widened to 16 floats.</summary>
    private static void Store(Vector128<byte> bytes, Span<float> into)
    {
        var (low, high) = Vector128.Widen(bytes);
        var (l0, l1) = Vector128.Widen(low);
        var (h0, h1) = Vector128.Widen(high);
        Vector128.ConvertToSingle(l0.AsInt32()).CopyTo(into);
        Vector128.ConvertToSingle(l1.AsInt32()).CopyTo(into[4..]);
        Vector128.ConvertToSingle(h0.AsInt32()).CopyTo(into[8..]);
        Vector128.ConvertToSingle(h1.AsInt32()).CopyTo(into[12..]);
    }

    /// <summary>BlazeFace: 1xHxWx3, R, G, B interleaved, values scaled to -1..1; padding is mid grey (0).</summary>
    public static void WriteNhwcSignedRgb(RgbImage image, PixelRect window, int tensorWidth, int tensorHeight, Span<float> tensor)
    {
        Check(image, window, tensorWidth, tensorHeight, tensor);
        tensor.Clear();
        for (var y = 0; y < window.Height; y++)
        {
            var src = image.Row(window.Y + y).Slice(window.X * 3, window.Width * 3);
            var dst = tensor.Slice(y * tensorWidth * 3, window.Width * 3);
            for (var i = 0; i < src.Length; i++)
            {
                dst[i] = (src[i] / 127.5f) - 1f;
            }
        }
    }

    /// <summary>RetinaFace: 1x3xHxW, planes in B, G, R order, 0..255 minus the means 104, 117, 123, with
    /// <paramref name="part"/> written whole at (<paramref name="atX"/>, <paramref name="atY"/>); the rest of the
    /// tensor is left as it is (0: the mean colour).</summary>
    public static void WriteNchwBgrMinusMeans(RgbImage part, int atX, int atY, int tensorWidth, int tensorHeight, Span<float> tensor)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (atX < 0 || atY < 0 || atX + part.Width > tensorWidth || atY + part.Height > tensorHeight || tensor.Length != tensorWidth * tensorHeight * 3)
        {
            throw new ArgumentException("The part does not fit the tensor there.", nameof(tensor));
        }

        var plane = tensorWidth * tensorHeight;
        for (var y = 0; y < part.Height; y++)
        {
            var src = part.Row(y);
            var at = ((atY + y) * tensorWidth) + atX;
            for (var x = 0; x < part.Width; x++)
            {
                tensor[at + x] = src[(x * 3) + 2] - 104f;
                tensor[plane + at + x] = src[(x * 3) + 1] - 117f;
                tensor[(2 * plane) + at + x] = src[x * 3] - 123f;
            }
        }
    }

    private static void Check(RgbImage image, PixelRect window, int tensorWidth, int tensorHeight, Span<float> tensor)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (window.X < 0 || window.Y < 0 || window.Right > image.Width || window.Bottom > image.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "Window lies outside the image.");
        }

        if (window.Width > tensorWidth || window.Height > tensorHeight || tensor.Length != tensorWidth * tensorHeight * 3)
        {
            throw new ArgumentException("Tensor does not fit the window.", nameof(tensor));
        }
    }
}
