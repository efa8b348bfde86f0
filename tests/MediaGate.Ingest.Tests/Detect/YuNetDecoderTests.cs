using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class YuNetDecoderTests
{
    [TestMethod]
    public void Decode_KnownCell_GivesScoreAndBoxInInputPixels()
    {
        // 64 x 32 input at stride 8: 8 columns x 4 rows; cell 10 is row 1, column 2.
        var cls = new float[32];
        var obj = new float[32];
        var bbox = new float[32 * 4];
        cls[10] = 0.81f;
        obj[10] = 1f;
        bbox[40] = 0.5f;
        bbox[41] = 0.5f;
        bbox[42] = MathF.Log(2f);
        bbox[43] = MathF.Log(3f);
        var found = new List<ScoredBox>();

        YuNetDecoder.Decode(8, 64, 32, cls, obj, bbox, 0.5f, found);

        Assert.HasCount(1, found);
        Assert.AreEqual(0.9f, found[0].Score, 1e-5f);
        // Centre ((2 + 0.5) x 8, (1 + 0.5) x 8) = (20, 12); size 2 x 8 by 3 x 8.
        Assert.AreEqual(12f, found[0].Box.X, 1e-4f);
        Assert.AreEqual(0f, found[0].Box.Y, 1e-4f);
        Assert.AreEqual(16f, found[0].Box.Width, 1e-4f);
        Assert.AreEqual(24f, found[0].Box.Height, 1e-4f);
    }

    [TestMethod]
    public void Decode_ScoreIsGeometricMeanOfClsAndObj_BelowThresholdSkipped()
    {
        var cls = new float[4] { 0.9f, 0.25f, 1f, 0f };
        var obj = new float[4] { 0.9f, 1f, 0.16f, 1f };
        var found = new List<ScoredBox>();

        YuNetDecoder.Decode(32, 64, 64, cls, obj, new float[16], 0.45f, found);

        CollectionAssert.AreEqual(new[] { 0.9f, 0.5f }, found.Select(f => MathF.Round(f.Score, 4)).ToArray());
    }

    [TestMethod]
    public void Decode_OutputsNotMatchingInputSize_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => YuNetDecoder.Decode(16, 64, 64, new float[15], new float[16], new float[64], 0.5f, []));
    }

    [TestMethod]
    public void Decode_HugeLogSize_StaysFinite()
    {
        var found = new List<ScoredBox>();

        YuNetDecoder.Decode(32, 32, 32, [1f], [1f], [0f, 0f, 1e9f, 1e9f], 0.5f, found);

        Assert.IsTrue(float.IsFinite(found[0].Box.Width));
    }

    [TestMethod]
    public void Decode_WithKeyPoints_MapsEachPointLikeTheBoxCentre()
    {
        // 32 x 32 input at stride 16: 2 x 2 cells; cell 3 is row 1, column 1. Point n at offset (n / 10, n / 10 + 0.5) cells.
        var kps = new float[4 * 10];
        for (var n = 0; n < 5; n++)
        {
            kps[30 + (2 * n)] = n / 10f;
            kps[30 + (2 * n) + 1] = (n / 10f) + 0.5f;
        }

        var found = new List<ScoredBox>();

        YuNetDecoder.Decode(16, 32, 32, [0f, 0f, 0f, 1f], [0f, 0f, 0f, 1f], new float[16], kps, 0.5f, found);

        var points = found.Single().Landmarks!.Value;
        Assert.AreEqual(16f, points.RightEyeX, 1e-4f);
        Assert.AreEqual(24f, points.RightEyeY, 1e-4f);
        Assert.AreEqual(16f + 6.4f, points.LeftMouthX, 1e-4f);
        Assert.AreEqual(24f + 6.4f, points.LeftMouthY, 1e-4f);
    }

    [TestMethod]
    public void Decode_KeyPointsNotMatchingInputSize_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => YuNetDecoder.Decode(32, 32, 32, [1f], [1f], new float[4], new float[9], 0.5f, []));
    }
}
