using MediaGate.Ingest.Decode;

namespace MediaGate.Ingest.Sniff;

/// <summary>
/// The first ingest step (product.md, Shape: "sniff and bound the input"): recognises the real format from
/// magic bytes and refuses empty, oversized, unknown or bomb-sized inputs from the header alone, before any
/// pixel memory is allocated.
/// </summary>
public static class InputGuard
{
    public static Outcome<ImageHeader> Inspect(ReadOnlySpan<byte> bytes, IngestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (bytes.IsEmpty)
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.Empty, "The file has no bytes.");
        }

        if (bytes.Length > limits.MaxBytes)
        {
            return Outcome<ImageHeader>.Fail(
                IngestFailureKind.TooManyBytes, $"The file has {bytes.Length} bytes; the limit is {limits.MaxBytes}.");
        }

        if (FormatSniffer.RefusedFormat(bytes) is { } refused)
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.UnsupportedFormat, $"{refused} images are not accepted; send the photo as JPEG, PNG, WebP, HEIF/AVIF or TIFF.");
        }

        var header = FormatSniffer.Detect(bytes) switch
        {
            ImageFormat.Jpeg => JpegHeaderReader.Read(bytes),
            ImageFormat.Png => PngHeaderReader.Read(bytes),
            ImageFormat.WebP => WebPHeaderReader.Read(bytes),
            ImageFormat.Heif => HeifReader.ReadHeader(bytes, limits.MaxSide),
            ImageFormat.Tiff => TiffHeaderReader.Read(bytes),
            _ => Outcome<ImageHeader>.Fail(IngestFailureKind.UnknownFormat, "The bytes are not a JPEG, PNG, WebP, HEIF/AVIF or TIFF image."),
        };

        return header.IsSuccess ? CheckSize(header.Value, limits) : header;
    }

    private static Outcome<ImageHeader> CheckSize(ImageHeader header, IngestLimits limits)
    {
        if (header.Width > limits.MaxSide || header.Height > limits.MaxSide)
        {
            return Outcome<ImageHeader>.Fail(
                IngestFailureKind.TooManyPixels,
                $"{header.Format} declares {header.Width}x{header.Height}; the longest side allowed is {limits.MaxSide}.");
        }

        if ((long)header.Width * header.Height > limits.MaxPixels)
        {
            return Outcome<ImageHeader>.Fail(
                IngestFailureKind.TooManyPixels,
                $"{header.Format} declares {header.Width}x{header.Height}; at most {limits.MaxPixels} pixels are allowed.");
        }

        return header;
    }
}
