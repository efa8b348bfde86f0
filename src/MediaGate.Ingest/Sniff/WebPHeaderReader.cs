using MediaGate.Ingest.Interop;
using MediaGate.Ingest.Orient;

namespace MediaGate.Ingest.Sniff;

/// <summary>Reads a WebP's size through libwebp's header parser (WebPGetFeatures decodes no pixels).</summary>
internal static class WebPHeaderReader
{
    public static unsafe Outcome<ImageHeader> Read(ReadOnlySpan<byte> webp)
    {
        LibWebP.BitstreamFeatures features;
        int status;
        fixed (byte* data = webp)
        {
            status = LibWebP.GetFeaturesInternal(data, (nuint)webp.Length, &features, LibWebP.DecoderAbiVersion);
        }

        if (status != LibWebP.StatusOk || features.width <= 0 || features.height <= 0)
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.Corrupt, $"WebP: header not readable (status {status})");
        }

        if (features.has_animation != 0)
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.UnsupportedFormat, "WebP: animated images are not accepted");
        }

        return new ImageHeader(ImageFormat.WebP, features.width, features.height, ContainerExifOrientation.FromWebP(webp));
    }
}
