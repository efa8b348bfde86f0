using System.Runtime.InteropServices;
using MediaGate.Ingest.Interop;

namespace MediaGate.Ingest.Tests.Decode;

/// <summary>Writes AVIF (AV1 in HEIF, through the libaom encoder Debian's libheif carries) so that tests make their own files.</summary>
internal static unsafe partial class HeifTestEncoder
{
    private const string Library = "libheif.so.1";
    private const int CompressionAv1 = 4; // heif_compression_AV1

    public static byte[] Avif(RgbImage image)
    {
        nint context = ContextAlloc();
        nint encoder = nint.Zero, picture = nint.Zero;
        string path = Path.Combine(Path.GetTempPath(), $"mediagate-{Guid.NewGuid():N}.avif");
        try
        {
            Check(GetEncoderForFormat(context, CompressionAv1, out encoder));
            Check(EncoderSetLossyQuality(encoder, 90));
            Check(ImageCreate(image.Width, image.Height, LibHeif.ColorspaceRgb, LibHeif.ChromaInterleavedRgb, out picture));
            Check(ImageAddPlane(picture, LibHeif.ChannelInterleaved, image.Width, image.Height, 8));
            byte* plane = ImageGetPlane(picture, LibHeif.ChannelInterleaved, out int stride);
            for (int y = 0; y < image.Height; y++)
            {
                image.Row(y).CopyTo(new Span<byte>(plane + ((long)y * stride), image.Stride));
            }

            Check(ContextEncodeImage(context, picture, encoder, nint.Zero, nint.Zero));
            Check(ContextWriteToFile(context, path));
            return File.ReadAllBytes(path);
        }
        finally
        {
            if (picture != nint.Zero)
            {
                LibHeif.ImageRelease(picture);
            }

            if (encoder != nint.Zero)
            {
                EncoderRelease(encoder);
            }

            LibHeif.ContextFree(context);
            File.Delete(path);
        }
    }

    private static nint ContextAlloc() => LibHeif.ContextAlloc();

    /// <summary>struct heif_error, declared here because a struct from another assembly is not marshalled by value.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct HeifError
    {
        public int Code;
        public int Subcode;
        public nint MessagePointer;

        public readonly bool IsOk => Code == 0;

        public readonly string Message => Marshal.PtrToStringUTF8(MessagePointer) ?? $"libheif error {Code}.{Subcode}";
    }

    private static void Check(HeifError error)
    {
        if (!error.IsOk)
        {
            throw new InvalidOperationException("libheif: " + error.Message);
        }
    }

    [LibraryImport(Library, EntryPoint = "heif_context_get_encoder_for_format")]
    private static partial HeifError GetEncoderForFormat(nint context, int format, out nint encoder);

    [LibraryImport(Library, EntryPoint = "heif_encoder_set_lossy_quality")]
    private static partial HeifError EncoderSetLossyQuality(nint encoder, int quality);

    [LibraryImport(Library, EntryPoint = "heif_encoder_release")]
    private static partial void EncoderRelease(nint encoder);

    [LibraryImport(Library, EntryPoint = "heif_image_create")]
    private static partial HeifError ImageCreate(int width, int height, int colorspace, int chroma, out nint image);

    [LibraryImport(Library, EntryPoint = "heif_image_add_plane")]
    private static partial HeifError ImageAddPlane(nint image, int channel, int width, int height, int bitDepth);

    [LibraryImport(Library, EntryPoint = "heif_image_get_plane")]
    private static partial byte* ImageGetPlane(nint image, int channel, out int stride);

    [LibraryImport(Library, EntryPoint = "heif_context_encode_image")]
    private static partial HeifError ContextEncodeImage(nint context, nint image, nint encoder, nint options, nint handleOut);

    [LibraryImport(Library, EntryPoint = "heif_context_write_to_file", StringMarshalling = StringMarshalling.Utf8)]
    private static partial HeifError ContextWriteToFile(nint context, string path);
}
