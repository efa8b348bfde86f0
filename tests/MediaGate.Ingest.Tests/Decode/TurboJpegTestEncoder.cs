using MediaGate.Ingest.Interop;

namespace MediaGate.Ingest.Tests.Decode;

/// <summary>Makes JPEG variants the product never writes (progressive, grayscale, CMYK) to test the decoder.</summary>
internal static class TurboJpegTestEncoder
{
    private const int FlagProgressive = 16384; // TJFLAG_PROGRESSIVE

    public static unsafe byte[] Encode(byte[] pixels, int width, int height, int pixelFormat, int subsampling, bool progressive)
    {
        var handle = TurboJpeg.InitCompress();
        byte* output = null;
        try
        {
            nuint size = 0;
            var channels = pixelFormat == TurboJpeg.PixelFormatCmyk ? 4 : 3;
            fixed (byte* source = pixels)
            {
                if (TurboJpeg.Compress2(handle, source, width, width * channels, height, pixelFormat, &output, &size, subsampling, 90,
                        progressive ? FlagProgressive : 0) != 0)
                {
                    throw new InvalidOperationException(TurboJpeg.LastError(handle));
                }
            }

            return new ReadOnlySpan<byte>(output, (int)size).ToArray();
        }
        finally
        {
            TurboJpeg.Free(output);
            _ = TurboJpeg.Destroy(handle);
        }
    }
}
