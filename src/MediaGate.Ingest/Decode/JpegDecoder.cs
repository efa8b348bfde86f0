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

    private static Outcome<RgbImage> DecodeImageData(ReadOnlySpan<byte> jpeg, ImageHeader header)
    {
        using var decompressor = JpegDecompressor.Open();
        if (decompressor.ReadHeader(jpeg) is not { } frame)
        {
            return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "JPEG: " + decompressor.LastError);
        }

        if (frame.Width != header.Width || frame.Height != header.Height)
        {
            return Outcome<RgbImage>.Fail(
                IngestFailureKind.Corrupt, $"JPEG: decoder sees {frame.Width}x{frame.Height}, the header said {header.Width}x{header.Height}");
        }

        var result = new RgbImage(frame.Width, frame.Height);
        var target = frame.IsCmyk ? new byte[checked(frame.Width * frame.Height * 4)] : result.Pixels;
        bool decoded = decompressor.Decompress(
            jpeg, target, frame.Width, frame.Height, frame.IsCmyk ? TurboJpeg.PixelFormatCmyk : TurboJpeg.PixelFormatRgb, TurboJpeg.FlagLimitScans);

        // Warnings count as failures too: a truncated JPEG "decodes" with a grey bottom and only a
        // warning, and any doubt about a file means rejecting it (fail closed), unless the policy
        // knows the warning comes after the last block was decoded.
        if (!decoded && !(decompressor.LastFailureWasWarning && JpegWarningPolicy.IsTolerable(decompressor.LastError)))
        {
            return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "JPEG: " + decompressor.LastError);
        }

        if (frame.IsCmyk)
        {
            ConvertInvertedCmyk(target, result.Pixels);
        }

        return result;
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
