using MediaGate.Ingest.Interop;

namespace MediaGate.Ingest.Verify;

/// <summary>
/// Proves that an output JPEG decodes completely, with no libjpeg warning: decoded at 1/8 scale, which runs
/// the entropy decoder over every coefficient of every scan but computes only the DC term of each block,
/// so it costs a small part of a full decode.
/// </summary>
internal static class JpegDecodeCheck
{
    /// <summary>Null when the JPEG decodes cleanly to the expected size, else what went wrong.</summary>
    public static string? FindProblem(ReadOnlySpan<byte> jpeg, int expectedWidth, int expectedHeight)
    {
        using var decompressor = JpegDecompressor.Open();
        if (decompressor.ReadHeader(jpeg) is not { } frame)
        {
            return "the output's header does not decode: " + decompressor.LastError;
        }

        if (frame.Width != expectedWidth || frame.Height != expectedHeight)
        {
            return $"the output is {frame.Width}x{frame.Height}, expected {expectedWidth}x{expectedHeight}";
        }

        // Asking for at most ceil(w/8) x ceil(h/8) makes TurboJPEG pick its 1/8 scaling factor.
        var scaledWidth = (frame.Width + 7) / 8;
        var scaledHeight = (frame.Height + 7) / 8;
        var pixels = new byte[checked(scaledWidth * scaledHeight * 4)];
        return decompressor.Decompress(
                jpeg, pixels, scaledWidth, scaledHeight, frame.IsCmyk ? TurboJpeg.PixelFormatCmyk : TurboJpeg.PixelFormatRgb,
                TurboJpeg.FlagLimitScans | TurboJpeg.FlagStopOnWarning)
            ? null
            : "the output does not decode completely: " + decompressor.LastError;
    }
}
