using System.Buffers.Binary;
using MediaGate.Ingest.Orient;

namespace MediaGate.Ingest.Sniff;

/// <summary>
/// Reads a JPEG's size from its SOF segment and its orientation from the first EXIF APP1 anywhere before the
/// first scan (some writers put it after SOF; exiftool and viewers still read it), without decoding.
/// Stray bytes before a marker are skipped as libjpeg skips them (real cameras write them).
/// </summary>
internal static class JpegHeaderReader
{
    public static Outcome<ImageHeader> Read(ReadOnlySpan<byte> jpeg)
    {
        var segments = new List<JpegSegment>();
        var problem = JpegSegmentReader.Read(jpeg, segments, JpegWalk.StopAtFirstScan | JpegWalk.SkipStrayBytes, out _, out _);
        if (problem is not null && !segments.Any(s => JpegSegment.IsStartOfFrame(s.Marker)))
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.Corrupt, "JPEG: " + problem);
        }

        int? orientation = null;
        JpegSegment? frame = null;
        foreach (var segment in segments)
        {
            if (segment.Marker == JpegSegment.App1 && orientation is null)
            {
                orientation = ExifOrientationReader.FromApp1Payload(segment.Payload(jpeg));
            }

            if (JpegSegment.IsStartOfFrame(segment.Marker))
            {
                if (frame is not null)
                {
                    return Outcome<ImageHeader>.Fail(IngestFailureKind.Corrupt, $"JPEG: a second frame header at offset {segment.Start}");
                }

                frame = segment;
            }
        }

        // A frame header is enough to check the size against the limits (a bomb is refused as one even when
        // the file ends early); a file that stops before its first scan fails later, when it is read.
        if (frame is { } sof)
        {
            return FromFrameHeader(sof, sof.Payload(jpeg), orientation ?? 1);
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

        // TurboJPEG here is built for 8-bit samples only; a 12-bit file cannot be decoded, let alone verified.
        if (sof[0] != 8)
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.UnsupportedFormat, $"JPEG: {sof[0]}-bit sample precision (only 8-bit is read)");
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
