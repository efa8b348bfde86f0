using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Encode;

/// <summary>
/// The part of a JPEG that libjpeg is allowed to see: SOI, the tables, the frame, the scans and EOI, rebuilt
/// from our own segment walk (stray bytes before a marker skipped, fill bytes dropped, nothing after EOI),
/// plus Adobe's APP14 reduced to its colour-transform fields, which CMYK/YCCK decoding depends on. No APPn,
/// COM or unknown segment reaches a codec, so their faults (an unknown JFIF revision, an XMP length two
/// short) cannot fail a photo and their contents cannot leak. The ICC chunks are handed back separately.
/// </summary>
internal static class JpegImageData
{
    public static Outcome<JpegParts> Extract(ReadOnlySpan<byte> jpeg)
    {
        var segments = new List<JpegSegment>();
        var problem = JpegSegmentReader.Read(jpeg, segments, JpegWalk.Whole | JpegWalk.SkipStrayBytes, out _, out _);
        if (problem is null && segments.Count(s => JpegSegment.IsStartOfFrame(s.Marker)) != 1)
        {
            problem = "expected exactly one frame header";
        }

        if (problem is null && !segments.Any(s => s.Marker == JpegSegment.Sos))
        {
            problem = "no scan";
        }

        problem ??= JpegScanCoverage.FindGap(jpeg, segments);
        if (problem is not null)
        {
            return Outcome<JpegParts>.Fail(IngestFailureKind.Corrupt, "JPEG: " + problem);
        }

        using var output = new MemoryStream(jpeg.Length);
        output.Write([0xFF, JpegSegment.Soi]);
        foreach (var segment in segments)
        {
            if (JpegMarkerPolicy.IsAdobe(segment, jpeg))
            {
                output.Write([0xFF, JpegSegment.App14, 0, JpegMarkerPolicy.AdobePayloadLength + 2]);
                output.Write(segment.Payload(jpeg)[..JpegMarkerPolicy.AdobePayloadLength]);
                break;
            }
        }

        var iccChunks = new List<byte[]>();
        foreach (var segment in segments)
        {
            if (JpegMarkerPolicy.IsIccProfile(segment, jpeg))
            {
                iccChunks.Add(segment.Payload(jpeg).ToArray());
            }
            else if (JpegMarkerPolicy.IsImageData(segment.Marker))
            {
                output.Write([0xFF, segment.Marker]);
                var afterMarker = segment.Marker is >= 0xD0 and <= 0xD7 ? segment.End : segment.PayloadStart - 2;
                output.Write(jpeg[afterMarker..segment.End]);
            }
        }

        output.Write([0xFF, JpegSegment.Eoi]);
        return new JpegParts(output.ToArray(), IccProfile.Assemble(iccChunks));
    }
}
