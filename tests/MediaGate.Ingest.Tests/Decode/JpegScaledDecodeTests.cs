using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Decode;

[TestClass]
public sealed class JpegScaledDecodeTests
{
    [TestMethod]
    [DataRow(4000, 3000, 2048, 5)]
    [DataRow(3000, 4000, 2048, 5)]
    [DataRow(4096, 3072, 2048, 4)]
    [DataRow(2048, 1536, 2048, 8)]
    [DataRow(1024, 768, 2048, 8)]
    [DataRow(8000, 6000, 1000, 1)]
    public void EighthsFor_PhotoAndSide_IsTheSmallestScaleStillCoveringTheSide(int width, int height, int side, int expected)
    {
        Assert.AreEqual(expected, JpegDecoder.EighthsFor(width, height, side));
        Assert.IsGreaterThanOrEqualTo(Math.Min(side, Math.Max(width, height)), JpegDecoder.ScaledSide(Math.Max(width, height), expected));
    }

    [TestMethod]
    public void DecodeScaled_HalfScale_IsTheReducedPictureOfTheFullDecode()
    {
        RgbImage source = SyntheticImages.Quadrants(802, 600);
        byte[] jpeg = JpegEncoder.Encode(source, 95).Value;
        ImageHeader header = InputGuard.Inspect(jpeg, new IngestLimits()).Value;

        Outcome<RgbImage> half = JpegDecoder.DecodeScaled(jpeg, header, 4);

        Assert.IsTrue(half.IsSuccess, half.Failure?.ToString());
        Assert.AreEqual((401, 300), (half.Value.Width, half.Value.Height));
        RgbImage reduced = ImageResampler.Resize(ImageDecoder.Decode(jpeg, header).Value, 401, 300);
        Assert.IsLessThan(PixelThresholds.HighQualityEncodeAtMost, SyntheticImages.MeanDifference(half.Value, reduced));
    }
}
