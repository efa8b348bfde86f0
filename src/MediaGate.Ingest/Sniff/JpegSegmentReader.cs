using System.Buffers.Binary;

namespace MediaGate.Ingest.Sniff;

/// <summary>
/// Walks a JPEG's marker segments from SOI to EOI in managed code (ITU T.81, B.1), bounds-checked, without
/// decoding. Used to read the header, to strip metadata losslessly and to verify outputs.
/// </summary>
internal static class JpegSegmentReader
{
    /// <summary>
    /// Reads segments into <paramref name="segments"/>. Returns null on success, else why the structure is bad.
    /// </summary>
    /// <param name="jpeg">The file.</param>
    /// <param name="segments">Receives every segment, SOI and EOI included.</param>
    /// <param name="stopAfterFrameHeader">Stop after the first SOF (enough for the header; avoids scanning entropy data).</param>
    /// <param name="endOfImage">Offset just past EOI, or -1 when stopped early.</param>
    public static string? Read(ReadOnlySpan<byte> jpeg, List<JpegSegment> segments, bool stopAfterFrameHeader, out int endOfImage) =>
        Read(jpeg, segments, stopAfterFrameHeader ? JpegWalk.StopAfterFrameHeader : JpegWalk.Whole, out endOfImage, out _);

    /// <summary>
    /// Reads segments into <paramref name="segments"/> as <paramref name="walk"/> says. Returns null on success, else why the structure is bad.
    /// </summary>
    /// <param name="jpeg">The file.</param>
    /// <param name="segments">Receives every segment, SOI and EOI included.</param>
    /// <param name="walk">Where to stop and whether stray bytes before a marker are skipped.</param>
    /// <param name="endOfImage">Offset just past EOI, or -1 when stopped early.</param>
    /// <param name="strayBytes">How many stray bytes were skipped (always 0 without <see cref="JpegWalk.SkipStrayBytes"/>).</param>
    public static string? Read(ReadOnlySpan<byte> jpeg, List<JpegSegment> segments, JpegWalk walk, out int endOfImage, out int strayBytes)
    {
        endOfImage = -1;
        strayBytes = 0;
        if (jpeg.Length < 2 || jpeg[0] != 0xFF || jpeg[1] != JpegSegment.Soi)
        {
            return "no SOI marker at the start";
        }

        segments.Add(new JpegSegment(JpegSegment.Soi, 0, 2, 0, 2));
        var pos = 2;
        while (true)
        {
            if (pos >= jpeg.Length)
            {
                return "truncated: no EOI marker";
            }

            if (jpeg[pos] != 0xFF)
            {
                var next = walk.HasFlag(JpegWalk.SkipStrayBytes) ? jpeg[pos..].IndexOf((byte)0xFF) : -1;
                if (next < 0)
                {
                    return $"expected a marker at offset {pos}";
                }

                strayBytes += next;
                pos += next;
            }

            var start = pos;
            while (pos < jpeg.Length && jpeg[pos] == 0xFF)
            {
                pos++; // fill bytes (T.81 B.1.1.2)
            }

            if (pos >= jpeg.Length)
            {
                return "truncated inside a marker";
            }

            var marker = jpeg[pos++];
            switch (marker)
            {
                case JpegSegment.Eoi:
                    segments.Add(new JpegSegment(marker, start, pos, 0, pos));
                    endOfImage = pos;
                    return null;
                case JpegSegment.Soi:
                    return $"second SOI marker at offset {start}";
                case 0x00:
                    return $"stuffed zero byte outside entropy-coded data at offset {start}";
                case 0x01:
                case >= 0xD0 and <= 0xD7:
                    segments.Add(new JpegSegment(marker, start, pos, 0, pos));
                    continue;
                case < 0xC0:
                    return $"reserved marker 0x{marker:X2} at offset {start}";
                default:
                    break;
            }

            if (pos + 2 > jpeg.Length)
            {
                return "truncated segment length";
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[pos..]);
            if (length < 2)
            {
                return $"segment length {length} at offset {start}";
            }

            if (pos + length > jpeg.Length)
            {
                return $"segment 0x{marker:X2} at offset {start} runs past the end of the file";
            }

            var payloadStart = pos + 2;
            pos += length;
            if (marker == JpegSegment.Sos && walk.HasFlag(JpegWalk.StopAtFirstScan))
            {
                segments.Add(new JpegSegment(marker, start, payloadStart, length - 2, pos));
                return null;
            }

            if (marker == JpegSegment.Sos)
            {
                pos = SkipEntropyCodedData(jpeg, pos);
                if (pos < 0)
                {
                    return "truncated inside entropy-coded data";
                }
            }

            segments.Add(new JpegSegment(marker, start, payloadStart, length - 2, pos));
            if (walk.HasFlag(JpegWalk.StopAfterFrameHeader) && JpegSegment.IsStartOfFrame(marker))
            {
                return null;
            }
        }
    }

    /// <summary>Offset of the next real marker after entropy-coded data (0xFF00 stuffing and RSTn belong to the data), or -1.</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> jpeg, int pos)
    {
        while (true)
        {
            var next = jpeg[pos..].IndexOf((byte)0xFF);
            if (next < 0)
            {
                return -1;
            }

            pos += next;
            if (pos + 1 >= jpeg.Length)
            {
                return -1;
            }

            var following = jpeg[pos + 1];
            if (following == 0x00 || following is >= 0xD0 and <= 0xD7)
            {
                pos += 2;
                continue;
            }

            return pos;
        }
    }
}
