using System.Buffers.Binary;
using MediaGate.Ingest.Orient;

namespace MediaGate.Ingest.Sniff;

/// <summary>Reads a JPEG's size from its SOF segment and its orientation from the first EXIF APP1, without decoding.</summary>
internal static class JpegHeaderReader
{
    public static Outcome<ImageHeader> Read(ReadOnlySpan<byte> jpeg)
    {
        var segments = new List<JpegSegment>();
        var problem = JpegSegmentReader.Read(jpeg, segments, stopAfterFrameHeader: true, out _);
        if (problem is not null)
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.Corrupt, "JPEG: " + problem);
        }

        int? orientation = null;
        foreach (var segment in segments)
        {
            if (segment.Marker == JpegSegment.App1 && orientation is null)
            {
                orientation = ExifOrientationReader.FromApp1Payload(segment.Payload(jpeg));
            }

            if (JpegSegment.IsStartOfFrame(segment.Marker))
            {
                return FromFrameHeader(segment, segment.Payload(jpeg), orientation ?? 1);
            }
        }

        return Outcome<ImageHeader>.Fail(IngestFailureKind.Corrupt, "JPEG: no frame header (SOF) before the image data");
    }

    private static Outcome<ImageHeader> FromFrameHeader(JpegSegment segment, ReadOnlySpan<byte> sof, int orientation)
    {
        // Lossless (SOF3/7/11/15) and hierarchical (SOF5-7, SOF13-15) JPEG are not decoded by libjpeg-turbo 2.1.
        if (segment.Marker is 0xC3 or 0xC5 or 0xC6 or 0xC7 or 0xCB or 0xCD or 0xCE or 0xCF)
        {
            return Outcome<ImageHeader>.Fail(
                IngestFailureKind.UnsupportedFormat, $"JPEG: lossless or hierarchical frame type SOF 0x{segment.Marker:X2}");
        }

        if (sof.Length < 6)
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.Corrupt, "JPEG: frame header too short");
        }

        int height = BinaryPrimitives.ReadUInt16BigEndian(sof[1..]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(sof[3..]);
        if (width == 0 || height == 0)
        {
            // Height 0 defers the height to a DNL marker after the first scan: not known before decoding.
            return Outcome<ImageHeader>.Fail(IngestFailureKind.UnsupportedFormat, "JPEG: frame header declares a zero size");
        }

        return new ImageHeader(ImageFormat.Jpeg, width, height, orientation);
    }
}
