using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Sniff;

[TestClass]
public sealed class JpegSegmentReaderTests
{
    // SOI, SOF0 (1x1, one component), SOS, entropy data containing a stuffed 0xFF00 and RST0, EOI.
    private static readonly byte[] Minimal =
    [
        0xFF, 0xD8,
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56,
        0xFF, 0xD9,
    ];

    private static (string? Problem, List<JpegSegment> Segments, int End) Read(byte[] jpeg)
    {
        var segments = new List<JpegSegment>();
        var problem = JpegSegmentReader.Read(jpeg, segments, stopAfterFrameHeader: false, out var end);
        return (problem, segments, end);
    }

    [TestMethod]
    public void Read_StuffedBytesAndRestartMarkers_StayInsideTheScan()
    {
        var (problem, segments, end) = Read(Minimal);

        Assert.IsNull(problem);
        CollectionAssert.AreEqual(new byte[] { 0xD8, 0xC0, 0xDA, 0xD9 }, segments.Select(s => s.Marker).ToArray());
        Assert.AreEqual(Minimal.Length - 2, segments[2].End, "the scan runs up to EOI");
        Assert.AreEqual(Minimal.Length, end);
    }

    [TestMethod]
    public void Read_FillBytesBeforeMarker_Accepted()
    {
        byte[] jpeg = [.. Minimal[..2], 0xFF, 0xFF, .. Minimal[2..]];

        var (problem, segments, _) = Read(jpeg);

        Assert.IsNull(problem);
        Assert.AreEqual(0xC0, segments[1].Marker);
    }

    [TestMethod]
    public void Read_TrailingBytes_ReportsWhereTheImageEnds()
    {
        var (problem, _, end) = Read([.. Minimal, 1, 2, 3]);

        Assert.IsNull(problem);
        Assert.AreEqual(Minimal.Length, end);
    }

    [TestMethod]
    public void Read_SegmentLengthPastEndOfFile_Fails()
    {
        var jpeg = (byte[])Minimal.Clone();
        jpeg[5] = 0xF0;

        StringAssert.Contains(Read(jpeg).Problem, "past the end");
    }

    [TestMethod]
    public void Read_SecondSoi_Fails()
    {
        StringAssert.Contains(Read([.. Minimal[..2], 0xFF, 0xD8, .. Minimal[2..]]).Problem, "second SOI");
    }

    [TestMethod]
    public void Read_MissingEoi_Fails()
    {
        StringAssert.Contains(Read(Minimal[..^2]).Problem, "truncated");
    }

    [TestMethod]
    public void Read_StopAfterFrameHeader_DoesNotReachTheScan()
    {
        var segments = new List<JpegSegment>();

        var problem = JpegSegmentReader.Read(Minimal[..20], segments, stopAfterFrameHeader: true, out var end);

        Assert.IsNull(problem);
        Assert.AreEqual(-1, end);
        Assert.AreEqual(0xC0, segments[^1].Marker);
    }
}
