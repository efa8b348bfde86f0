using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class BlazeFaceDecoderTests
{
    [TestMethod]
    public void Decode_KnownRegressorOnFirstAnchor_GivesBoxAroundShiftedCentre()
    {
        var scores = new float[512];
        Array.Fill(scores, -10f);
        scores[0] = 0f; // sigmoid(0) = 0.5
        var regressors = new float[512 * 16];
        // Anchor 0 is centred at (8, 8) px of the 256 px input: shift by (+10, -6), 40 x 50 px.
        regressors[0] = 10f;
        regressors[1] = -6f;
        regressors[2] = 40f;
        regressors[3] = 50f;
        var found = new List<ScoredBox>();

        BlazeFaceDecoder.Decode(scores, regressors, firstAnchor: 0, minScore: 0.3f, found);

        Assert.HasCount(1, found);
        Assert.AreEqual(0.5f, found[0].Score, 1e-6f);
        Assert.AreEqual(new FaceBox(-2f, -23f, 40f, 50f), found[0].Box);
    }

    [TestMethod]
    public void Decode_CoarseLayerAnchor_UsesCoarseCentre()
    {
        var scores = new float[384];
        Array.Fill(scores, -10f);
        scores[6] = 5f; // second coarse cell: centre (48, 16) px
        var regressors = new float[384 * 16];
        regressors[(6 * 16) + 2] = 20f;
        regressors[(6 * 16) + 3] = 20f;
        var found = new List<ScoredBox>();

        BlazeFaceDecoder.Decode(scores, regressors, BlazeFaceAnchors.FineCount, 0.5f, found);

        Assert.HasCount(1, found);
        Assert.AreEqual(new FaceBox(38f, 6f, 20f, 20f), found[0].Box);
    }

    [TestMethod]
    public void Decode_ScoresBelowThreshold_AreSkipped()
    {
        var scores = new float[512];
        Array.Fill(scores, -1f); // sigmoid(-1) = 0.27
        var regressors = new float[512 * 16];
        Array.Fill(regressors, 10f);
        var found = new List<ScoredBox>();

        BlazeFaceDecoder.Decode(scores, regressors, 0, 0.3f, found);

        Assert.IsEmpty(found);
    }

    [TestMethod]
    public void Decode_RegressorsOfWrongLength_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => BlazeFaceDecoder.Decode(new float[512], new float[512 * 15], 0, 0.5f, []));
    }

    [TestMethod]
    public void Sigmoid_ExtremeLogits_StayFinite()
    {
        Assert.AreEqual(1f, BlazeFaceDecoder.Sigmoid(1e30f), 1e-6f);
        Assert.AreEqual(0f, BlazeFaceDecoder.Sigmoid(-1e30f), 1e-6f);
    }
}
