using System.Runtime.InteropServices;

namespace MediaGate.Ingest.Interop;

/// <summary>
/// libheif 1.15 (HEIC through libde265). The primary image handle's size and the decoded image already have
/// the HEIF irot/imir transforms applied, so HEIF pictures need no EXIF orientation afterwards.
/// </summary>
internal static unsafe partial class LibHeif
{
    private const string Library = "libheif.so.1";

    public const int ColorspaceRgb = 1;          // heif_colorspace_RGB
    public const int ChromaInterleavedRgb = 10;  // heif_chroma_interleaved_RGB
    public const int ChromaInterleavedRgba = 11; // heif_chroma_interleaved_RGBA
    public const int ChannelInterleaved = 10;    // heif_channel_interleaved
    public const int SubcodeSecurityLimitExceeded = 1000; // heif_suberror_Security_limit_exceeded

    [LibraryImport(Library, EntryPoint = "heif_context_alloc")]
    public static partial nint ContextAlloc();

    [LibraryImport(Library, EntryPoint = "heif_context_free")]
    public static partial void ContextFree(nint context);

    [LibraryImport(Library, EntryPoint = "heif_context_set_maximum_image_size_limit")]
    public static partial void ContextSetMaximumImageSizeLimit(nint context, int maximumWidth);

    [LibraryImport(Library, EntryPoint = "heif_context_read_from_memory_without_copy")]
    public static partial HeifError ContextReadFromMemoryWithoutCopy(nint context, byte* memory, nuint size, nint options);

    [LibraryImport(Library, EntryPoint = "heif_context_get_primary_image_handle")]
    public static partial HeifError ContextGetPrimaryImageHandle(nint context, out nint handle);

    [LibraryImport(Library, EntryPoint = "heif_image_handle_get_width")]
    public static partial int ImageHandleGetWidth(nint handle);

    [LibraryImport(Library, EntryPoint = "heif_image_handle_get_height")]
    public static partial int ImageHandleGetHeight(nint handle);

    [LibraryImport(Library, EntryPoint = "heif_image_handle_has_alpha_channel")]
    public static partial int ImageHandleHasAlphaChannel(nint handle);

    [LibraryImport(Library, EntryPoint = "heif_image_handle_release")]
    public static partial void ImageHandleRelease(nint handle);

    [LibraryImport(Library, EntryPoint = "heif_decode_image")]
    public static partial HeifError DecodeImage(nint handle, out nint image, int colorspace, int chroma, nint options);

    [LibraryImport(Library, EntryPoint = "heif_image_get_width")]
    public static partial int ImageGetWidth(nint image, int channel);

    [LibraryImport(Library, EntryPoint = "heif_image_get_height")]
    public static partial int ImageGetHeight(nint image, int channel);

    [LibraryImport(Library, EntryPoint = "heif_image_get_plane_readonly")]
    public static partial byte* ImageGetPlaneReadonly(nint image, int channel, out int stride);

    [LibraryImport(Library, EntryPoint = "heif_image_release")]
    public static partial void ImageRelease(nint image);

    /// <summary>struct heif_error, returned by value (16 bytes: two enums and a message pointer).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HeifError
    {
        public int code;
        public int subcode;
        public nint message;

        public readonly bool IsOk => code == 0;

        public readonly string Message => Marshal.PtrToStringUTF8(message) ?? $"libheif error {code}.{subcode}";
    }
}
