using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Encode;

/// <summary>A real ICC profile for the tests: the sRGB profile a Canon 40D wrote into its APP2 chunks.</summary>
internal static class IccTestProfiles
{
    public static byte[] FromCamera()
    {
        var jpeg = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"));
        var segments = new List<JpegSegment>();
        Assert.IsNull(JpegSegmentReader.Read(jpeg, segments, stopAfterFrameHeader: true, out _));
        var chunks = segments
            .Where(s => s.Marker == JpegSegment.App2 && s.PayloadStartsWith(jpeg, "ICC_PROFILE\0"u8))
            .Select(s => jpeg[s.PayloadStart..(s.PayloadStart + s.PayloadLength)])
            .ToList();
        Assert.HasCount(1, chunks, "test setup: the camera file has a one-chunk profile");
        return chunks[0][14..];
    }
}
