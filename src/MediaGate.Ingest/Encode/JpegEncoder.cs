using MediaGate.Ingest.Interop;

namespace MediaGate.Ingest.Encode;

/// <summary>
/// Encodes RGB pixels to a baseline JPEG with 4:2:0 chroma through TurboJPEG. TurboJPEG writes only a JFIF
/// APP0 header: no EXIF, no comments, nothing identifying (product.md, Metadata).
/// </summary>
public static class JpegEncoder
{
    /// <summary>JPEG's own limit on either side (16-bit size fields, less libjpeg's margin).</summary>
    private const int MaxSide = 65_500;

    public static unsafe Outcome<byte[]> Encode(RgbImage image, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        if (image.Width > MaxSide || image.Height > MaxSide)
        {
            return Outcome<byte[]>.Fail(IngestFailureKind.EncodeFailed, $"JPEG cannot hold {image.Width}x{image.Height}.");
        }

        var handle = TurboJpeg.InitCompress();
        if (handle == nint.Zero)
        {
            throw new InvalidOperationException("tjInitCompress returned null (out of memory).");
        }

        byte* output = null;
        try
        {
            nuint size = 0;
            fixed (byte* pixels = image.Pixels)
            {
                if (TurboJpeg.Compress2(handle, pixels, image.Width, image.Stride, image.Height, TurboJpeg.PixelFormatRgb,
                        &output, &size, TurboJpeg.Subsampling420, quality, 0) != 0)
                {
                    return Outcome<byte[]>.Fail(IngestFailureKind.EncodeFailed, "JPEG: " + TurboJpeg.LastError(handle));
                }
            }

            return new ReadOnlySpan<byte>(output, checked((int)size)).ToArray();
        }
        finally
        {
            TurboJpeg.Free(output);
            _ = TurboJpeg.Destroy(handle);
        }
    }
}
