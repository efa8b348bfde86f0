using MediaGate.Ingest.Interop;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>Decodes a still WebP (lossy or lossless, with or without alpha) through libwebp's simple API.</summary>
internal static class WebPDecoder
{
    public static unsafe Outcome<RgbImage> Decode(ReadOnlySpan<byte> webp, ImageHeader header)
    {
        fixed (byte* data = webp)
        {
            LibWebP.BitstreamFeatures features;
            var status = LibWebP.GetFeaturesInternal(data, (nuint)webp.Length, &features, LibWebP.DecoderAbiVersion);
            if (status != LibWebP.StatusOk || features.width != header.Width || features.height != header.Height)
            {
                return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, $"WebP: header not readable or changed (status {status})");
            }

            if (features.has_alpha == 0)
            {
                var result = new RgbImage(header.Width, header.Height);
                fixed (byte* pixels = result.Pixels)
                {
                    if (LibWebP.DecodeRgbInto(data, (nuint)webp.Length, pixels, (nuint)result.Pixels.Length, result.Stride) == null)
                    {
                        return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "WebP: the image data could not be decoded");
                    }
                }

                return result;
            }

            var rgba = new byte[checked(header.Width * header.Height * 4)];
            fixed (byte* pixels = rgba)
            {
                if (LibWebP.DecodeRgbaInto(data, (nuint)webp.Length, pixels, (nuint)rgba.Length, header.Width * 4) == null)
                {
                    return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "WebP: the image data could not be decoded");
                }
            }

            return AlphaFlattener.FlattenOntoWhiteInPlace(rgba, header.Width, header.Height);
        }
    }
}
