using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Orient;

/// <summary>
/// Reads EXIF orientation (tag 0x0112 in IFD0) from a JPEG APP1 "Exif" payload or a TIFF file.
/// A missing, unreadable or out-of-range value means 1 (as stored), which is what every viewer shows.
/// </summary>
internal static class ExifOrientationReader
{
    private static ReadOnlySpan<byte> ExifIdentifier => "Exif\0\0"u8;

    /// <summary>Orientation from an APP1 payload, or null when the payload is not EXIF.</summary>
    public static int? FromApp1Payload(ReadOnlySpan<byte> payload)
    {
        if (!payload.StartsWith(ExifIdentifier))
        {
            return null;
        }

        return FromTiff(payload[ExifIdentifier.Length..]);
    }

    public static int FromTiff(ReadOnlySpan<byte> tiff) => TiffIfd0.Read(tiff)?.Orientation ?? 1;
}
