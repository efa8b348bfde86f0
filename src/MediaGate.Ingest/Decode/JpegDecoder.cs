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
    public static Outcome<RgbImage> Decode(ReadOnlySpan<byte> input, ImageHeader header) => DecodeScaled(input, header, 8);

    /// <summary>
    /// Decodes at <paramref name="eighths"/>/8 of the stored size (1..8), in the DCT: libjpeg computes only that many
    /// coefficients per block, so a reduced picture costs a part of a full decode. The size is
    /// ceil(side x eighths / 8), as TurboJPEG's own scaling makes it.
    /// </summary>
    public static Outcome<RgbImage> DecodeScaled(ReadOnlySpan<byte> input, ImageHeader header, int eighths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eighths, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eighths, 8);
        var parts = JpegImageData.Extract(input);
        return parts.IsSuccess ? DecodeImageData(parts.Value.ImageData, header, eighths) : Outcome<RgbImage>.Fail(parts.Failure);
    }

    /// <summary>The stored side <paramref name="side"/> decoded at <paramref name="eighths"/>/8.</summary>
    public static int ScaledSide(int side, int eighths) => ((side * eighths) + 7) / 8;

    /// <summary>
    /// The scale, in eighths, to decode at for a picture of at most <paramref name="longSide"/> on the long side: the smallest
    /// whose long side still reaches it (8 when even the full size does not), so that the picture is reduced, never enlarged.
    /// But libjpeg-turbo has SIMD inverse DCTs only for whole, half and quarter blocks (and an eighth is the DC alone); 3, 5,
    /// 6 and 7 eighths run its plain C ones. So when that scale is 3 or 5 eighths and the SIMD scale just below it (2 or 4)
    /// still gives at least <see cref="FastScaleShortfall"/> of <paramref name="longSide"/>, that one is taken, and the
    /// picture is then used at its own size, a little under <paramref name="longSide"/> (a 4000x3000 photo for 2048 px:
    /// 2000x1500 instead of 2500x1875 resampled to 2048x1536). Measured with <c>djpeg -scale</c> on six 4000x3000 photos
    /// (<c>make-photos</c>): 18 ms a photo at 4/8, 34 ms at 5/8, 26 ms whole.
    /// </summary>
    public static int EighthsFor(int width, int height, int longSide)
    {
        int stored = Math.Max(width, height);
        int reaching = 8;
        for (int eighths = 1; eighths < 8; eighths++)
        {
            if (ScaledSide(stored, eighths) >= longSide)
            {
                reaching = eighths;
                break;
            }
        }

        int fast = reaching switch { 3 => 2, 5 => 4, _ => reaching };
        return fast != reaching && ScaledSide(stored, fast) >= longSide * FastScaleShortfall ? fast : reaching;
    }

    /// <summary>The least share of the asked long side a SIMD-decodable scale may give instead of the one reaching it.</summary>
    internal const double FastScaleShortfall = 0.95;

    private static Outcome<RgbImage> DecodeImageData(ReadOnlySpan<byte> jpeg, ImageHeader header, int eighths)
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

        // Asking for exactly ceil(side x eighths / 8) makes TurboJPEG pick the eighths/8 scaling factor (all eight exist).
        int width = ScaledSide(frame.Width, eighths), height = ScaledSide(frame.Height, eighths);
        var result = new RgbImage(width, height);
        var target = frame.IsCmyk ? new byte[checked(width * height * 4)] : result.Pixels;
        bool decoded = decompressor.Decompress(
            jpeg, target, width, height, frame.IsCmyk ? TurboJpeg.PixelFormatCmyk : TurboJpeg.PixelFormatRgb, TurboJpeg.FlagLimitScans);

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
