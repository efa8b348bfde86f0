using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Decode;

[TestClass]
public sealed class JpegScaledDecodeTests
{
    [TestMethod]
    [DataRow(4096, 3072, 2048, 4)]
    [DataRow(3264, 2448, 2048, 6)]
    [DataRow(3880, 2910, 2048, 5)]
    [DataRow(2048, 1536, 2048, 8)]
    [DataRow(1024, 768, 2048, 8)]
    [DataRow(8000, 6000, 1000, 1)]
    [DataRow(5000, 3750, 2048, 4)]
    public void EighthsFor_PhotoAndSide_IsTheSmallestScaleStillCoveringTheSide(int width, int height, int side, int expected)
    {
        Assert.AreEqual(expected, JpegDecoder.EighthsFor(width, height, side));
        Assert.IsGreaterThanOrEqualTo(Math.Min(side, Math.Max(width, height)), JpegDecoder.ScaledSide(Math.Max(width, height), expected));
    }

    /// <summary>
    /// 3 and 5 eighths have no SIMD inverse DCT in libjpeg-turbo (5/8 of a 4000x3000 photo cost more than decoding it
    /// whole): the SIMD scale just below (2 or 4 eighths) is taken when it still gives at least 95% of the side asked.
    /// </summary>
    [TestMethod]
    [DataRow(4000, 3000, 2048, 4)] // 2000: 97.7% of 2048 (5/8 would be 2500)
    [DataRow(3000, 4000, 2048, 4)]
    [DataRow(4032, 3024, 2048, 4)] // 2016
    [DataRow(3892, 2919, 2048, 4)] // 1946: just at 95%
    [DataRow(3890, 2918, 2048, 5)] // 1945: under 95%, so 5/8 (2432), reduced to 2048
    [DataRow(8000, 6000, 2048, 2)] // 2000 at 2/8 (3/8 would be 3000)
    [DataRow(7000, 5250, 2048, 3)] // 2/8 gives 1750: 85%
    public void EighthsFor_ScaleWithoutSimdReachingTheSide_TakesTheSimdScaleJustBelowWhenWithin5Percent(int width, int height, int side, int expected)
    {
        int eighths = JpegDecoder.EighthsFor(width, height, side);

        Assert.AreEqual(expected, eighths);
        Assert.IsGreaterThanOrEqualTo(side * JpegDecoder.FastScaleShortfall, (double)JpegDecoder.ScaledSide(Math.Max(width, height), eighths));
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
