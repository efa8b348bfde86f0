using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Encode;

/// <summary>
/// Removes every metadata segment from a JPEG without re-encoding (the entropy-coded data is copied byte for
/// byte), and rotates or mirrors it losslessly when the EXIF orientation asks for it (product.md, Metadata).
/// A transform that cannot be done perfectly (partial MCUs at the edges) is a failure: the caller then
/// decodes, orients and re-encodes instead.
/// </summary>
public static class JpegLosslessStripper
{
    public static Outcome<byte[]> Strip(ReadOnlySpan<byte> jpeg, int orientation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(orientation, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orientation, 8);
        var clean = KeepImageSegments(jpeg, extraSegments: []);
        if (!clean.IsSuccess || orientation == 1)
        {
            return clean;
        }

        var rotated = LosslessTransform.Apply(clean.Value, orientation);
        if (!rotated.IsSuccess)
        {
            return rotated;
        }

        // TJXOPT_COPYNONE drops the ICC profile with everything else; it may stay, so put it back.
        return KeepImageSegments(rotated.Value, IccSegments(clean.Value));
    }

    private static Outcome<byte[]> KeepImageSegments(ReadOnlySpan<byte> jpeg, ReadOnlySpan<byte> extraSegments)
    {
        var segments = new List<JpegSegment>();
        var problem = JpegSegmentReader.Read(jpeg, segments, stopAfterFrameHeader: false, out _);
        if (problem is null && segments.Count(s => JpegSegment.IsStartOfFrame(s.Marker)) != 1)
        {
            problem = "expected exactly one frame header";
        }

        if (problem is null && !segments.Any(s => s.Marker == JpegSegment.Sos))
        {
            problem = "no scan";
        }

        if (problem is not null)
        {
            return Outcome<byte[]>.Fail(IngestFailureKind.Corrupt, "JPEG: " + problem);
        }

        using var output = new MemoryStream(jpeg.Length);
        output.Write([0xFF, JpegSegment.Soi]);
        var extrasWritten = false;
        foreach (var segment in segments)
        {
            if (segment.Marker is JpegSegment.Soi or JpegSegment.Eoi)
            {
                continue;
            }

            if (!extrasWritten && segment.Marker != JpegSegment.App0)
            {
                output.Write(extraSegments); // after JFIF, which must come first when present
                extrasWritten = true;
            }

            if (JpegMarkerPolicy.IsJfif(segment, jpeg))
            {
                WriteSegment(output, JpegSegment.App0, segment.Payload(jpeg)[..JpegMarkerPolicy.JfifPayloadLength], clearJfifThumbnail: true);
            }
            else if (JpegMarkerPolicy.IsAdobe(segment, jpeg))
            {
                WriteSegment(output, JpegSegment.App14, segment.Payload(jpeg)[..JpegMarkerPolicy.AdobePayloadLength], clearJfifThumbnail: false);
            }
            else if (JpegMarkerPolicy.IsIccProfile(segment, jpeg) || JpegMarkerPolicy.IsImageData(segment.Marker))
            {
                output.Write([0xFF, segment.Marker]);
                var afterMarker = segment.Marker is >= 0xD0 and <= 0xD7 ? segment.End : segment.PayloadStart - 2;
                output.Write(jpeg[afterMarker..segment.End]);
            }
        }

        // Nothing after EOI is copied: trailers and MPF's second images end here.
        output.Write([0xFF, JpegSegment.Eoi]);
        return output.ToArray();
    }

    private static void WriteSegment(MemoryStream output, byte marker, ReadOnlySpan<byte> payload, bool clearJfifThumbnail)
    {
        var length = payload.Length + 2;
        output.Write([0xFF, marker, (byte)(length >> 8), (byte)length]);
        if (clearJfifThumbnail)
        {
            // A JFIF thumbnail is a picture of the unmasked original: write its size as 0x0 and drop its pixels.
            output.Write(payload[..^2]);
            output.Write([0, 0]);
        }
        else
        {
            output.Write(payload);
        }
    }

    private static byte[] IccSegments(ReadOnlySpan<byte> cleanJpeg)
    {
        var segments = new List<JpegSegment>();
        _ = JpegSegmentReader.Read(cleanJpeg, segments, stopAfterFrameHeader: true, out _);
        using var icc = new MemoryStream();
        foreach (var segment in segments.Where(s => s.Marker == JpegSegment.App2))
        {
            icc.Write(cleanJpeg[segment.Start..segment.End]);
        }

        return icc.ToArray();
    }
}
