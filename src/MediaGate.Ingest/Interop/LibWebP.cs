using System.Runtime.InteropServices;

namespace MediaGate.Ingest.Interop;

/// <summary>libwebp's simple decoding API (libwebp 1.2, libwebp.so.7), plus the simple encoder used by tests.</summary>
internal static unsafe partial class LibWebP
{
    private const string Library = "libwebp.so.7";

    /// <summary>WEBP_DECODER_ABI_VERSION of libwebp 1.2; the library accepts any 0x02xx.</summary>
    public const int DecoderAbiVersion = 0x0209;

    public const int StatusOk = 0; // VP8_STATUS_OK

    [LibraryImport(Library, EntryPoint = "WebPGetFeaturesInternal")]
    public static partial int GetFeaturesInternal(byte* data, nuint dataSize, BitstreamFeatures* features, int version);

    [LibraryImport(Library, EntryPoint = "WebPDecodeRGBAInto")]
    public static partial byte* DecodeRgbaInto(byte* data, nuint dataSize, byte* output, nuint outputSize, int outputStride);

    [LibraryImport(Library, EntryPoint = "WebPDecodeRGBInto")]
    public static partial byte* DecodeRgbInto(byte* data, nuint dataSize, byte* output, nuint outputSize, int outputStride);

    [LibraryImport(Library, EntryPoint = "WebPEncodeRGB")]
    public static partial nuint EncodeRgb(byte* rgb, int width, int height, int stride, float qualityFactor, byte** output);

    [LibraryImport(Library, EntryPoint = "WebPEncodeLosslessRGBA")]
    public static partial nuint EncodeLosslessRgba(byte* rgba, int width, int height, int stride, byte** output);

    [LibraryImport(Library, EntryPoint = "WebPFree")]
    public static partial void Free(void* pointer);

    /// <summary>WebPBitstreamFeatures (decode.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BitstreamFeatures
    {
        public int width;
        public int height;
        public int has_alpha;
        public int has_animation;
        public int format;
        public fixed uint pad[5];
    }
}
