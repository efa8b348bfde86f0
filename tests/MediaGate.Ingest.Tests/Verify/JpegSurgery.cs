using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Verify;

/// <summary>Builds JPEGs that carry metadata, from clean ones, for the stripper and verifier tests.</summary>
internal static class JpegSurgery
{
    /// <summary>Inserts a segment (marker + length + payload) right after SOI.</summary>
    public static byte[] InsertAfterSoi(byte[] jpeg, byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        byte[] head = [0xFF, marker, (byte)(length >> 8), (byte)length];
        return [.. jpeg[..2], .. head, .. payload, .. jpeg[2..]];
    }

    public static byte[] Exif(string description)
    {
        // "Exif\0\0", then a little-endian TIFF with one IFD0 entry: ImageDescription (ASCII) pointing past the IFD.
        var text = System.Text.Encoding.ASCII.GetBytes(description + "\0");
        var tiff = new List<byte> { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x0E, 0x01, 2, 0 };
        tiff.AddRange(BitConverter.GetBytes(text.Length));
        tiff.AddRange(BitConverter.GetBytes(8 + 2 + 12 + 4));
        tiff.AddRange(new byte[4]);
        tiff.AddRange(text);
        return [.. "Exif\0\0"u8, .. tiff];
    }

    /// <summary>A little-endian TIFF structure whose IFD0 holds only Orientation (0x0112, SHORT).</summary>
    public static byte[] OrientationTiff(int orientation) =>
        [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>Inserts a segment right before the first segment with the given marker.</summary>
    public static byte[] InsertBefore(byte[] jpeg, byte before, byte marker, byte[] payload)
    {
        var at = jpeg.AsSpan().IndexOf([(byte)0xFF, before]);
        Assert.IsGreaterThan(0, at, $"test setup: no marker 0x{before:X2}");
        var length = payload.Length + 2;
        return [.. jpeg[..at], 0xFF, marker, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[at..]];
    }

    public static byte[] JfifWithThumbnail()
    {
        // JFIF 1.02, no units, 1:1 density, a 1x1 RGB thumbnail.
        return [.. "JFIF\0"u8, 1, 2, 0, 0, 1, 0, 1, 1, 1, 200, 10, 10];
    }

    /// <summary>Every SOS segment with its entropy-coded data, concatenated, from the SOS marker on.</summary>
    public static byte[] ScanData(byte[] jpeg)
    {
        var segments = new List<JpegSegment>();
        var problem = JpegSegmentReader.Read(jpeg, segments, stopAfterFrameHeader: false, out _);
        Assert.IsNull(problem);
        return segments.Where(s => s.Marker == JpegSegment.Sos).SelectMany(s => jpeg[(s.PayloadStart - 2)..s.End]).ToArray();
    }

    public static List<byte> Markers(byte[] jpeg)
    {
        var segments = new List<JpegSegment>();
        var problem = JpegSegmentReader.Read(jpeg, segments, stopAfterFrameHeader: false, out _);
        Assert.IsNull(problem);
        return segments.Select(s => s.Marker).ToList();
    }

    public static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(text)) >= 0;
}
