using System.Runtime.InteropServices;

namespace MediaGate.Ingest.Interop;

/// <summary>
/// libjpeg-turbo's TurboJPEG 2.x API (Debian 12 ships 2.1.5: no tj3* functions).
/// <c>unsigned long</c> is 64-bit on Linux x64, hence <see cref="nuint"/>.
/// </summary>
internal static unsafe partial class TurboJpeg
{
    private const string Library = "libturbojpeg.so.0";

    public const int PixelFormatRgb = 0;     // TJPF_RGB
    public const int PixelFormatCmyk = 11;   // TJPF_CMYK
    public const int Subsampling420 = 2;     // TJSAMP_420
    public const int ColorspaceCmyk = 3;     // TJCS_CMYK
    public const int ColorspaceYcck = 4;     // TJCS_YCCK
    public const int FlagAccurateDct = 4096; // TJFLAG_ACCURATEDCT

    /// <summary>TJFLAG_LIMITSCANS: refuse progressive files with more than 500 scans (a CPU-exhaustion bomb).</summary>
    public const int FlagLimitScans = 32768;

    /// <summary>TJFLAG_STOPONWARNING: stop at the first libjpeg warning instead of finishing with a damaged picture.</summary>
    public const int FlagStopOnWarning = 8192;

    public const int ErrorWarning = 0;       // TJERR_WARNING

    public const int TransformNone = 0;      // TJXOP_NONE

    public const int TransformOptionPerfect = 1;   // TJXOPT_PERFECT
    public const int TransformOptionCopyNone = 64; // TJXOPT_COPYNONE

    [LibraryImport(Library, EntryPoint = "tjInitDecompress")]
    public static partial nint InitDecompress();

    [LibraryImport(Library, EntryPoint = "tjInitCompress")]
    public static partial nint InitCompress();

    [LibraryImport(Library, EntryPoint = "tjInitTransform")]
    public static partial nint InitTransform();

    [LibraryImport(Library, EntryPoint = "tjDestroy")]
    public static partial int Destroy(nint handle);

    [LibraryImport(Library, EntryPoint = "tjDecompressHeader3")]
    public static partial int DecompressHeader3(
        nint handle, byte* jpegBuf, nuint jpegSize, out int width, out int height, out int subsampling, out int colorspace);

    [LibraryImport(Library, EntryPoint = "tjDecompress2")]
    public static partial int Decompress2(
        nint handle, byte* jpegBuf, nuint jpegSize, byte* dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(Library, EntryPoint = "tjCompress2")]
    public static partial int Compress2(
        nint handle, byte* srcBuf, int width, int pitch, int height, int pixelFormat,
        byte** jpegBuf, nuint* jpegSize, int subsampling, int quality, int flags);

    [LibraryImport(Library, EntryPoint = "tjTransform")]
    public static partial int Transform(
        nint handle, byte* jpegBuf, nuint jpegSize, int count, byte** dstBufs, nuint* dstSizes, TransformSpec* transforms, int flags);

    [LibraryImport(Library, EntryPoint = "tjFree")]
    public static partial void Free(byte* buffer);

    [LibraryImport(Library, EntryPoint = "tjGetErrorStr2")]
    public static partial nint GetErrorStr2(nint handle);

    [LibraryImport(Library, EntryPoint = "tjGetErrorCode")]
    public static partial int GetErrorCode(nint handle);

    /// <summary>The library's last error message for this handle.</summary>
    public static string LastError(nint handle) =>
        Marshal.PtrToStringUTF8(GetErrorStr2(handle)) ?? "unknown TurboJPEG error";

    /// <summary>tjtransform: region (x, y, w, h), op (TJXOP_*), options (TJXOPT_*), data, customFilter.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TransformSpec
    {
        public int X;
        public int Y;
        public int W;
        public int H;
        public int Op;
        public int Options;
        public nint Data;
        public nint CustomFilter;
    }
}
