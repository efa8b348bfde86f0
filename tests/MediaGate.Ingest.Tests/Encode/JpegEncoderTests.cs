using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Tests.Decode;
using MediaGate.Ingest.Tests.Verify;

namespace MediaGate.Ingest.Tests.Encode;

[TestClass]
public sealed class JpegEncoderTests
{
    [TestMethod]
    public void Encode_Pattern_DecodesCloseToSource()
    {
        var source = SyntheticImages.Quadrants(128, 96);

        var jpeg = JpegEncoder.Encode(source, 90);
        var decoded = PhotoReader.ReadUpright(jpeg.Value, new IngestLimits());

        Assert.IsTrue(decoded.IsSuccess, decoded.Failure?.ToString());
        Assert.IsLessThan(PixelThresholds.HighQualityEncodeAtMost, SyntheticImages.MeanDifference(source, decoded.Value.Image));
    }

    [TestMethod]
    public void Encode_Output_HasOnlyJfifAndImageSegments()
    {
        var jpeg = JpegEncoder.Encode(SyntheticImages.Quadrants(40, 40)).Value;

        var markers = JpegSurgery.Markers(jpeg);

        Assert.IsTrue(markers.All(m => m is 0xD8 or 0xE0 or 0xDB or 0xC0 or 0xC4 or 0xDA or 0xD9), string.Join(",", markers.Select(m => m.ToString("X2"))));
    }

    [TestMethod]
    public void Encode_LowerQuality_GivesSmallerFile()
    {
        var source = SyntheticImages.Quadrants(128, 96);

        Assert.IsLessThan(JpegEncoder.Encode(source, 95).Value.Length, JpegEncoder.Encode(source, 30).Value.Length);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(101)]
    public void Encode_QualityOutOfRange_Throws(int quality)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => JpegEncoder.Encode(SyntheticImages.Quadrants(8, 8), quality));
    }
}
