using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Encode;

/// <summary>
/// Which JPEG segments may leave MediaGate (product.md, Metadata): what a decoder needs to draw the picture,
/// a JFIF header without thumbnail, an ICC colour profile ("a colour profile may stay"), and Adobe's APP14,
/// which carries the colour-transform flag CMYK/YCCK decoding depends on. Everything else is dropped by the
/// stripper and refused by the verifier.
/// </summary>
internal static class JpegMarkerPolicy
{
    public static ReadOnlySpan<byte> JfifIdentifier => "JFIF\0"u8;

    public static ReadOnlySpan<byte> IccIdentifier => "ICC_PROFILE\0"u8;

    public static ReadOnlySpan<byte> AdobeIdentifier => "Adobe"u8;

    /// <summary>JFIF APP0 payload: identifier, version (2), units, x/y density (2+2), thumbnail width and height.</summary>
    public const int JfifPayloadLength = 14;

    /// <summary>Adobe APP14 payload: identifier, version (2), flags0 (2), flags1 (2), colour transform (1).</summary>
    public const int AdobePayloadLength = 12;

    /// <summary>Segments a decoder needs: frame, tables, scans and restart markers.</summary>
    public static bool IsImageData(byte marker) =>
        JpegSegment.IsStartOfFrame(marker)
        || marker is JpegSegment.Dht or JpegSegment.Dac or JpegSegment.Dqt or JpegSegment.Dri or JpegSegment.Dnl or JpegSegment.Sos
        || marker is >= 0xD0 and <= 0xD7;

    public static bool IsJfif(JpegSegment segment, ReadOnlySpan<byte> jpeg) =>
        segment.Marker == JpegSegment.App0 && segment.PayloadStartsWith(jpeg, JfifIdentifier) && segment.PayloadLength >= JfifPayloadLength;

    public static bool IsIccProfile(JpegSegment segment, ReadOnlySpan<byte> jpeg) =>
        segment.Marker == JpegSegment.App2 && segment.PayloadStartsWith(jpeg, IccIdentifier);

    public static bool IsAdobe(JpegSegment segment, ReadOnlySpan<byte> jpeg) =>
        segment.Marker == JpegSegment.App14 && segment.PayloadStartsWith(jpeg, AdobeIdentifier) && segment.PayloadLength >= AdobePayloadLength;

    /// <summary>A short name for a segment, for failure messages.</summary>
    public static string Describe(JpegSegment segment, ReadOnlySpan<byte> jpeg)
    {
        var name = segment.Marker switch
        {
            JpegSegment.Com => "COM (comment)",
            JpegSegment.App1 when segment.PayloadStartsWith(jpeg, "Exif\0"u8) => "APP1 EXIF",
            JpegSegment.App1 when segment.PayloadStartsWith(jpeg, "http://ns.adobe.com/"u8) => "APP1 XMP",
            JpegSegment.App2 when segment.PayloadStartsWith(jpeg, "MPF\0"u8) => "APP2 MPF (multi-picture)",
            JpegSegment.App0 when segment.PayloadStartsWith(jpeg, "JFXX\0"u8) => "APP0 JFXX (thumbnail)",
            0xED => "APP13 (IPTC/Photoshop)",
            >= 0xE0 and <= 0xEF => $"APP{segment.Marker - 0xE0}",
            _ => $"marker 0x{segment.Marker:X2}",
        };
        return $"{name} at offset {segment.Start}";
    }
}
