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
    public static unsafe string? FindProblem(ReadOnlySpan<byte> jpeg, int expectedWidth, int expectedHeight)
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
                    return "the output's header does not decode: " + TurboJpeg.LastError(handle);
                }

                if (width != expectedWidth || height != expectedHeight)
                {
                    return $"the output is {width}x{height}, expected {expectedWidth}x{expectedHeight}";
                }

                // Asking for at most ceil(w/8) x ceil(h/8) makes TurboJPEG pick its 1/8 scaling factor.
                var scaledWidth = (width + 7) / 8;
                var scaledHeight = (height + 7) / 8;
                var cmyk = colorspace is TurboJpeg.ColorspaceCmyk or TurboJpeg.ColorspaceYcck;
                var pixels = new byte[checked(scaledWidth * scaledHeight * 4)];
                fixed (byte* target = pixels)
                {
                    if (TurboJpeg.Decompress2(
                            handle, data, (nuint)jpeg.Length, target, scaledWidth, 0, scaledHeight,
                            cmyk ? TurboJpeg.PixelFormatCmyk : TurboJpeg.PixelFormatRgb,
                            TurboJpeg.FlagLimitScans | TurboJpeg.FlagStopOnWarning) != 0)
                    {
                        return "the output does not decode completely: " + TurboJpeg.LastError(handle);
                    }
                }

                return null;
            }
        }
        finally
        {
            _ = TurboJpeg.Destroy(handle);
        }
    }
}
