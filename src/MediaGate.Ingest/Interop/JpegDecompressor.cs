namespace MediaGate.Ingest.Interop;

/// <summary>
/// One TurboJPEG decompression handle, freed on dispose: what the decoder and the output check share
/// (open a handle, read the frame size and colour space, decompress into a caller's buffer).
/// </summary>
internal sealed unsafe class JpegDecompressor : IDisposable
{
    private nint _handle;

    private JpegDecompressor(nint handle) => _handle = handle;

    /// <summary>Width, height and colour space (TJCS_*) from the frame header.</summary>
    public readonly record struct Frame(int Width, int Height, int Colorspace)
    {
        /// <summary>CMYK or YCCK: decoded as 4 bytes per pixel.</summary>
        public bool IsCmyk => Colorspace is TurboJpeg.ColorspaceCmyk or TurboJpeg.ColorspaceYcck;
    }

    public static JpegDecompressor Open()
    {
        var handle = TurboJpeg.InitDecompress();
        return handle == nint.Zero
            ? throw new InvalidOperationException("tjInitDecompress returned null (out of memory).")
            : new JpegDecompressor(handle);
    }

    /// <summary>The library's last error message.</summary>
    public string LastError => TurboJpeg.LastError(_handle);

    /// <summary>True when the last failure was only a warning (TJERR_WARNING).</summary>
    public bool LastFailureWasWarning => TurboJpeg.GetErrorCode(_handle) == TurboJpeg.ErrorWarning;

    /// <summary>The frame, or null when the header does not decode (<see cref="LastError"/> says why).</summary>
    public Frame? ReadHeader(ReadOnlySpan<byte> jpeg)
    {
        fixed (byte* data = jpeg)
        {
            return TurboJpeg.DecompressHeader3(_handle, data, (nuint)jpeg.Length, out var width, out var height, out _, out var colorspace) == 0
                ? new Frame(width, height, colorspace)
                : null;
        }
    }

    /// <summary>
    /// Decompresses to <paramref name="width"/> x <paramref name="height"/> (TurboJPEG picks the scaling factor
    /// that fits) in <paramref name="pixelFormat"/>; true on success, false on an error or a warning.
    /// </summary>
    public bool Decompress(ReadOnlySpan<byte> jpeg, Span<byte> target, int width, int height, int pixelFormat, int flags)
    {
        fixed (byte* data = jpeg)
        fixed (byte* pixels = target)
        {
            return TurboJpeg.Decompress2(_handle, data, (nuint)jpeg.Length, pixels, width, 0, height, pixelFormat, flags) == 0;
        }
    }

    public void Dispose()
    {
        if (_handle != nint.Zero)
        {
            _ = TurboJpeg.Destroy(_handle);
            _handle = nint.Zero;
        }
    }
}
