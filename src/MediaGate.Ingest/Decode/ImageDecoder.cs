using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Decodes an inspected input to RGB24 through the native codecs. Damaged or truncated data comes back as a
/// <see cref="IngestFailureKind.Corrupt"/> failure; native handles are always released.
/// </summary>
public static class ImageDecoder
{
    /// <param name="bytes">The whole file.</param>
    /// <param name="header">What <see cref="InputGuard.Inspect"/> returned for these bytes: the decoder checks that
    /// the codec sees the same size, so limits checked on the header hold for the pixels.</param>
    public static Outcome<RgbImage> Decode(ReadOnlySpan<byte> bytes, ImageHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Format switch
        {
            ImageFormat.Jpeg => JpegDecoder.Decode(bytes, header),
            ImageFormat.Png => PngDecoder.Decode(bytes, header),
            ImageFormat.WebP => WebPDecoder.Decode(bytes, header),
            ImageFormat.Heif => HeifReader.Decode(bytes, header),
            ImageFormat.Tiff => TiffDecoder.Decode(bytes, header),
            _ => throw new ArgumentOutOfRangeException(nameof(header), header.Format, "Unknown image format."),
        };
    }
}
