using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Interop;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Decodes baseline, progressive, grayscale and CMYK/YCCK JPEG to RGB through TurboJPEG. libjpeg is given
/// only the image data (<see cref="JpegImageData"/>), and a warning fails the photo unless
/// <see cref="JpegWarningPolicy"/> knows it leaves every pixel decoded.
/// </summary>
internal static class JpegDecoder
{
    public static Outcome<RgbImage> Decode(ReadOnlySpan<byte> input, ImageHeader header)
    {
        var parts = JpegImageData.Extract(input);
        return parts.IsSuccess ? DecodeImageData(parts.Value.ImageData, header) : Outcome<RgbImage>.Fail(parts.Failure);
    }

    private static unsafe Outcome<RgbImage> DecodeImageData(ReadOnlySpan<byte> jpeg, ImageHeader header)
    {
        var handle = TurboJpeg.InitDecompress();
        if (handle == nint.Zero)
        {
            throw new InvalidOperationException("tjInitDecompress returned null (out of memory).");
        }

        try
        {
            fixed (byte* data = jpeg)
            {
                if (TurboJpeg.DecompressHeader3(handle, data, (nuint)jpeg.Length, out var width, out var height, out _, out var colorspace) != 0)
                {
                    return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "JPEG: " + TurboJpeg.LastError(handle));
                }

                if (width != header.Width || height != header.Height)
                {
                    return Outcome<RgbImage>.Fail(
                        IngestFailureKind.Corrupt, $"JPEG: decoder sees {width}x{height}, the header said {header.Width}x{header.Height}");
                }

                var cmyk = colorspace is TurboJpeg.ColorspaceCmyk or TurboJpeg.ColorspaceYcck;
                var result = new RgbImage(width, height);
                var target = cmyk ? new byte[checked(width * height * 4)] : result.Pixels;
                int status;
                fixed (byte* pixels = target)
                {
                    status = TurboJpeg.Decompress2(
                        handle, data, (nuint)jpeg.Length, pixels, width, 0, height,
                        cmyk ? TurboJpeg.PixelFormatCmyk : TurboJpeg.PixelFormatRgb, TurboJpeg.FlagLimitScans);
                }

                // Warnings count as failures too: a truncated JPEG "decodes" with a grey bottom and only a
                // warning, and any doubt about a file means rejecting it (fail closed), unless the policy
                // knows the warning comes after the last block was decoded.
                if (status != 0 && !(TurboJpeg.GetErrorCode(handle) == TurboJpeg.ErrorWarning
                    && JpegWarningPolicy.IsTolerable(TurboJpeg.LastError(handle))))
                {
                    return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "JPEG: " + TurboJpeg.LastError(handle));
                }

                if (cmyk)
                {
                    ConvertInvertedCmyk(target, result.Pixels);
                }

                return result;
            }
        }
        finally
        {
            _ = TurboJpeg.Destroy(handle);
        }
    }

    /// <summary>
    /// Adobe (Photoshop) CMYK JPEGs store inverted ink values, the overwhelmingly common case; a naive
    /// conversion without a colour profile is enough for face detection and masking.
    /// </summary>
    private static void ConvertInvertedCmyk(ReadOnlySpan<byte> cmyk, Span<byte> rgb)
    {
        for (int s = 0, d = 0; s + 3 < cmyk.Length; s += 4, d += 3)
        {
            int k = cmyk[s + 3];
            rgb[d] = (byte)(((cmyk[s] * k) + 127) / 255);
            rgb[d + 1] = (byte)(((cmyk[s + 1] * k) + 127) / 255);
            rgb[d + 2] = (byte)(((cmyk[s + 2] * k) + 127) / 255);
        }
    }
}
