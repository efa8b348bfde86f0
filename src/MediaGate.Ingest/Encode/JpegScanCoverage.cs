using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Encode;

/// <summary>
/// Whether the scans of a JPEG deliver every coefficient of every component to full precision. libjpeg
/// decodes a progressive file that stops after a few scans (an EOI appended where it was cut) without a
/// warning, as a blurred picture: complete as far as the decoder can tell, incomplete as a photo. Each scan
/// header (T.81 B.2.3) names its components, its spectral band Ss..Se and its successive-approximation bits
/// Ah/Al; a first scan of a coefficient leaves it at precision Al, a refinement must start where the last
/// one stopped (Ah) and the last must reach 0.
/// </summary>
internal static class JpegScanCoverage
{
    /// <summary>Null when every coefficient of every component is complete, else what is missing.</summary>
    public static string? FindGap(ReadOnlySpan<byte> jpeg, IReadOnlyList<JpegSegment> segments)
    {
        var frame = segments.First(s => JpegSegment.IsStartOfFrame(s.Marker));
        var sof = jpeg.Slice(frame.PayloadStart, frame.PayloadLength);
        if (sof.Length < 6 || sof.Length < 6 + (sof[5] * 3))
        {
            return "frame header too short";
        }

        var componentIds = new List<byte>();
        for (var i = 0; i < sof[5]; i++)
        {
            componentIds.Add(sof[6 + (i * 3)]);
        }

        // Precision still missing per component and coefficient: -1 = never sent, 0 = complete.
        var pending = new int[componentIds.Count, 64];
        for (var c = 0; c < componentIds.Count; c++)
        {
            for (var k = 0; k < 64; k++)
            {
                pending[c, k] = -1;
            }
        }

        foreach (var scan in segments.Where(s => s.Marker == JpegSegment.Sos))
        {
            var problem = Apply(jpeg.Slice(scan.PayloadStart, scan.PayloadLength), componentIds, pending);
            if (problem is not null)
            {
                return problem;
            }
        }

        for (var c = 0; c < componentIds.Count; c++)
        {
            for (var k = 0; k < 64; k++)
            {
                if (pending[c, k] != 0)
                {
                    return $"the scans leave coefficient {k} of component {componentIds[c]} incomplete";
                }
            }
        }

        return null;
    }

    private static string? Apply(ReadOnlySpan<byte> sos, List<byte> componentIds, int[,] pending)
    {
        if (sos.Length < 1 || sos.Length < 1 + (sos[0] * 2) + 3)
        {
            return "scan header too short";
        }

        var count = sos[0];
        var tail = sos[(1 + (count * 2))..];
        int start = tail[0], end = tail[1], high = tail[2] >> 4, low = tail[2] & 0x0F;
        if (start > end || end > 63)
        {
            return $"scan band {start}..{end}";
        }

        for (var i = 0; i < count; i++)
        {
            var c = componentIds.IndexOf(sos[1 + (i * 2)]);
            if (c < 0)
            {
                return $"scan of an unknown component {sos[1 + (i * 2)]}";
            }

            for (var k = start; k <= end; k++)
            {
                var expected = high == 0 ? -1 : high;
                if (pending[c, k] != expected || (high != 0 && low >= high))
                {
                    return $"scan refines coefficient {k} of component {componentIds[c]} out of order";
                }

                pending[c, k] = low;
            }
        }

        return null;
    }
}
