using MediaGate.Ingest.Orient;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Inspect, decode, make upright: the one call the pipeline, the CLI and face detection use to read a photo
/// (product.md, Metadata: "The picture is made upright first").
/// </summary>
public static class PhotoReader
{
    public static Outcome<UprightPhoto> ReadUpright(ReadOnlySpan<byte> bytes, IngestLimits limits)
    {
        var header = InputGuard.Inspect(bytes, limits);
        if (!header.IsSuccess)
        {
            return Outcome<UprightPhoto>.Fail(header.Failure);
        }

        var image = ImageDecoder.Decode(bytes, header.Value);
        if (!image.IsSuccess)
        {
            return Outcome<UprightPhoto>.Fail(image.Failure);
        }

        return new UprightPhoto(header.Value, Orientation.ApplyExif(image.Value, header.Value.Orientation));
    }

    /// <summary>
    /// Inspect, decode and make upright for a use that needs at most <paramref name="maxSide"/> on the long side (a
    /// rendition, a preview): a JPEG larger than that is decoded in the DCT at the eighth <see cref="JpegDecoder.EighthsFor"/>
    /// picks (a part of a full decode's work and memory), anything else whole. The picture is NOT resampled to
    /// <paramref name="maxSide"/>: that is the caller's reduction, after its masks. The header stays the stored photo's,
    /// so the full upright size is <see cref="ImageHeader.UprightWidth"/> x <see cref="ImageHeader.UprightHeight"/>.
    /// </summary>
    public static Outcome<UprightPhoto> ReadUpright(ReadOnlySpan<byte> bytes, IngestLimits limits, int maxSide)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSide);
        var header = InputGuard.Inspect(bytes, limits);
        if (!header.IsSuccess)
        {
            return Outcome<UprightPhoto>.Fail(header.Failure);
        }

        var decoded = DecodeWithin(bytes, header.Value, maxSide);
        return decoded.IsSuccess
            ? new UprightPhoto(header.Value, Orientation.ApplyExif(decoded.Value, header.Value.Orientation), EighthsWithin(header.Value, maxSide))
            : Outcome<UprightPhoto>.Fail(decoded.Failure);
    }

    /// <summary>The stored picture decoded for a size of at most <paramref name="maxSide"/>: a larger JPEG at the eighth <see cref="JpegDecoder.EighthsFor"/> picks (<see cref="EighthsWithin"/>), anything else whole.</summary>
    internal static Outcome<RgbImage> DecodeWithin(ReadOnlySpan<byte> bytes, ImageHeader header, int maxSide) =>
        EighthsWithin(header, maxSide) is var eighths and < 8
            ? JpegDecoder.DecodeScaled(bytes, header, eighths)
            : ImageDecoder.Decode(bytes, header);

    /// <summary>The DCT scale, in eighths, <see cref="DecodeWithin"/> decodes this photo at (8: whole).</summary>
    internal static int EighthsWithin(ImageHeader header, int maxSide) =>
        header.Format == ImageFormat.Jpeg && Math.Max(header.Width, header.Height) > maxSide
            ? JpegDecoder.EighthsFor(header.Width, header.Height, maxSide)
            : 8;

    /// <summary>The pixels <see cref="DecodeWithin"/> decodes for a photo with this header.</summary>
    public static long DecodedPixelsWithin(ImageHeader header, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(header);
        int eighths = EighthsWithin(header, maxSide);
        return (long)JpegDecoder.ScaledSide(header.Width, eighths) * JpegDecoder.ScaledSide(header.Height, eighths);
    }

    /// <summary>
    /// The pixels a reader of this photo for at most <paramref name="maxSide"/> holds at once: the (scaled) decode and,
    /// when it is larger, its reduced copy. For a <see cref="Concurrency.PixelBudget"/>.
    /// </summary>
    public static long PixelsWithin(ImageHeader header, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (Math.Max(header.Width, header.Height) <= maxSide)
        {
            return (long)header.Width * header.Height;
        }

        var (width, height) = Render.RenditionRenderer.SizeWithin(header.Width, header.Height, maxSide);
        return DecodedPixelsWithin(header, maxSide) + ((long)width * height);
    }
}
