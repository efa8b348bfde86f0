using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Verify;

/// <summary>
/// Our own reading of an output JPEG, independent of MetadataExtractor: exactly one image from SOI to EOI at
/// the very end, an ICC profile only if it is valid (<see cref="IccProfile"/>), and no segment outside <see cref="JpegMarkerPolicy"/> (APP1 EXIF/XMP, APP13 IPTC, COM, MPF,
/// JFXX and JFIF thumbnails are all refused).
/// </summary>
internal static class JpegStructureCheck
{
    /// <summary>Null when clean, else what was found.</summary>
    public static string? FindProblem(ReadOnlySpan<byte> jpeg)
    {
        if (FormatSniffer.Detect(jpeg) != ImageFormat.Jpeg)
        {
            return "the output is not a JPEG";
        }

        var segments = new List<JpegSegment>();
        var problem = JpegSegmentReader.Read(jpeg, segments, stopAfterFrameHeader: false, out var endOfImage);
        if (problem is not null)
        {
            return "the output's JPEG structure is not readable: " + problem;
        }

        if (endOfImage != jpeg.Length)
        {
            return $"{jpeg.Length - endOfImage} bytes after the end of the image (EOI at offset {endOfImage - 2})";
        }

        var iccChunks = new List<byte[]>();
        foreach (var segment in segments)
        {
            if (JpegMarkerPolicy.IsIccProfile(segment, jpeg))
            {
                iccChunks.Add(segment.Payload(jpeg).ToArray());
                continue;
            }

            if (segment.Marker is JpegSegment.Soi or JpegSegment.Eoi || JpegMarkerPolicy.IsImageData(segment.Marker)
                || JpegMarkerPolicy.IsAdobe(segment, jpeg))
            {
                continue;
            }

            if (JpegMarkerPolicy.IsJfif(segment, jpeg))
            {
                var payload = segment.Payload(jpeg);
                if (payload[12] != 0 || payload[13] != 0 || segment.PayloadLength != JpegMarkerPolicy.JfifPayloadLength)
                {
                    return $"JFIF thumbnail in APP0 at offset {segment.Start}";
                }

                continue;
            }

            return JpegMarkerPolicy.Describe(segment, jpeg);
        }

        // The ICC_PROFILE identifier may only carry a colour profile, whole and with nothing beside its tags.
        return iccChunks.Count > 0 && IccProfile.Assemble(iccChunks) is null ? "APP2 ICC_PROFILE data that is not a valid ICC profile" : null;
    }
}
