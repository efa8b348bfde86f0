using System.Runtime.InteropServices;

namespace MediaGate.Ingest.Interop;

/// <summary>libpng 1.6's simplified API (png_image_*): no setjmp on our side, errors come back in the struct.</summary>
internal static unsafe partial class LibPng
{
    private const string Library = "libpng16.so.16";

    public const uint ImageVersion = 1;     // PNG_IMAGE_VERSION
    public const uint FormatRgb = 0x02;     // PNG_FORMAT_RGB
    public const uint FormatRgba = 0x03;    // PNG_FORMAT_RGBA
    public const uint ErrorBit = 0x02;      // warning_or_error & 2: an error

    [LibraryImport(Library, EntryPoint = "png_image_begin_read_from_memory")]
    public static partial int BeginReadFromMemory(PngImage* image, byte* memory, nuint size);

    [LibraryImport(Library, EntryPoint = "png_image_finish_read")]
    public static partial int FinishRead(PngImage* image, PngColor* background, byte* buffer, int rowStride, nint colormap);

    [LibraryImport(Library, EntryPoint = "png_image_write_to_memory")]
    public static partial int WriteToMemory(
        PngImage* image, byte* memory, nuint* memoryBytes, int convertTo8Bit, byte* buffer, int rowStride, nint colormap);

    [LibraryImport(Library, EntryPoint = "png_image_free")]
    public static partial void Free(PngImage* image);

    /// <summary>The message libpng left in the struct.</summary>
    public static string Message(PngImage* image) =>
        Marshal.PtrToStringUTF8((nint)image->message) ?? "unknown libpng error";

    /// <summary>png_image, field for field (png.h, libpng 1.6).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PngImage
    {
        public nint opaque;
        public uint version;
        public uint width;
        public uint height;
        public uint format;
        public uint flags;
        public uint colormap_entries;
        public uint warning_or_error;
        public fixed byte message[64];
    }

    /// <summary>png_color: the background that alpha is composited onto.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PngColor
    {
        public byte red;
        public byte green;
        public byte blue;
    }
}
