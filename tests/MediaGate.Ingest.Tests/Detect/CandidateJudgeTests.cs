using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class CandidateJudgeTests
{
    private static readonly FaceCandidate Candidate = new(new FaceBox(0, 0, 20, 20), Fused: 0.9f, Best: 0.6f, Levels: 2, Landmarks: null);

    [TestMethod]
    public void Confidence_NoSecondLook_IsTheFusedOrBestScore()
    {
        Assert.AreEqual(0.9f, CandidateJudge.Confidence(Candidate, fuseLevels: true, cascadeWeight: 0.25f));
        Assert.AreEqual(0.6f, CandidateJudge.Confidence(Candidate, fuseLevels: false, cascadeWeight: 0.25f));
    }

    [TestMethod]
    public void Confidence_SecondLook_IsTheGeometricBlend()
    {
        // 0.9^0.75 x 0.1^0.25 = 0.5196...
        var confidence = CandidateJudge.Confidence(Candidate with { Rescore = 0.1f }, fuseLevels: true, cascadeWeight: 0.25f);

        Assert.AreEqual(MathF.Pow(0.9f, 0.75f) * MathF.Pow(0.1f, 0.25f), confidence, 1e-6f);
    }

    [TestMethod]
    public void Confidence_SecondLookFindsNothing_IsZero()
    {
        Assert.AreEqual(0f, CandidateJudge.Confidence(Candidate with { Rescore = 0f }, fuseLevels: true, cascadeWeight: 0.25f));
    }

    [TestMethod]
    public void Confidence_WeightZero_IgnoresTheSecondLook()
    {
        Assert.AreEqual(0.9f, CandidateJudge.Confidence(Candidate with { Rescore = 0f }, fuseLevels: true, cascadeWeight: 0f));
    }
}
