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
        tensor.Clear();
        var plane = tensorWidth * tensorHeight;
        var blue = tensor[..plane];
        var green = tensor.Slice(plane, plane);
        var red = tensor.Slice(2 * plane, plane);
        for (var y = 0; y < window.Height; y++)
        {
            var src = image.Row(window.Y + y).Slice(window.X * 3, window.Width * 3);
            var at = y * tensorWidth;
            for (var x = 0; x < window.Width; x++)
            {
                red[at + x] = src[x * 3];
                green[at + x] = src[(x * 3) + 1];
                blue[at + x] = src[(x * 3) + 2];
            }
        }
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
