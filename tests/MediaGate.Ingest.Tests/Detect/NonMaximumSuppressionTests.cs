using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class NonMaximumSuppressionTests
{
    [TestMethod]
    public void Apply_TwoBoxesOnOneFace_KeepsTheBetterScoring()
    {
        var weaker = new ScoredBox(new FaceBox(2, 2, 50, 50), 0.6f);
        var better = new ScoredBox(new FaceBox(0, 0, 50, 50), 0.9f);

        var kept = NonMaximumSuppression.Apply([weaker, better], 0.3f);

        CollectionAssert.AreEqual(new[] { better }, kept);
    }

    [TestMethod]
    public void Apply_NeighbouringFacesInACrowd_KeepsBoth()
    {
        // Two faces side by side whose boxes touch slightly (IoU about 0.05).
        var left = new ScoredBox(new FaceBox(0, 0, 20, 20), 0.9f);
        var right = new ScoredBox(new FaceBox(18, 0, 20, 20), 0.5f);

        var kept = NonMaximumSuppression.Apply([left, right], 0.3f, 0.8f);

        Assert.HasCount(2, kept);
    }

    [TestMethod]
    public void Apply_SmallBoxInsideBetterBox_IsDroppedByContainmentRule()
    {
        var face = new ScoredBox(new FaceBox(0, 0, 100, 100), 0.9f);
        var partOfFace = new ScoredBox(new FaceBox(30, 30, 30, 30), 0.5f);

        var kept = NonMaximumSuppression.Apply([face, partOfFace], 0.3f, 0.8f);

        CollectionAssert.AreEqual(new[] { face }, kept);
    }

    [TestMethod]
    public void Apply_SmallBoxInsideBetterBoxWithoutContainmentRule_KeepsBoth()
    {
        var face = new ScoredBox(new FaceBox(0, 0, 100, 100), 0.9f);
        var partOfFace = new ScoredBox(new FaceBox(30, 30, 30, 30), 0.5f);

        var kept = NonMaximumSuppression.Apply([face, partOfFace], 0.3f);

        Assert.HasCount(2, kept);
    }

    [TestMethod]
    public void Apply_ResultOrder_IsBestScoreFirst()
    {
        var boxes = new[]
        {
            new ScoredBox(new FaceBox(0, 0, 10, 10), 0.4f),
            new ScoredBox(new FaceBox(100, 0, 10, 10), 0.8f),
            new ScoredBox(new FaceBox(200, 0, 10, 10), 0.6f),
        };

        var kept = NonMaximumSuppression.Apply(boxes, 0.3f);

        CollectionAssert.AreEqual(new[] { 0.8f, 0.6f, 0.4f }, kept.Select(k => k.Score).ToArray());
    }

    [TestMethod]
    public void Apply_FuseLevels_FaceFoundAtTwoLevelsScoresNoisyOr()
    {
        var atCoarse = new ScoredBox(new FaceBox(0, 0, 40, 40), 0.6f, Level: 0);
        var atFine = new ScoredBox(new FaceBox(1, 1, 40, 40), 0.5f, Level: 1);

        var kept = NonMaximumSuppression.Apply([atCoarse, atFine], 0.3f, 0.8f, fuseLevels: true);

        Assert.HasCount(1, kept);
        Assert.AreEqual(1f - (0.4f * 0.5f), kept[0].Score, 1e-6f);
        Assert.AreEqual(atCoarse.Box, kept[0].Box);
    }

    [TestMethod]
    public void Apply_FuseLevels_DuplicatesFromOneLevelDoNotAddUp()
    {
        // Two neighbouring tiles of the same level found the same face: that is one opinion, not two.
        var tileA = new ScoredBox(new FaceBox(0, 0, 40, 40), 0.6f, Level: 1);
        var tileB = new ScoredBox(new FaceBox(1, 0, 40, 40), 0.55f, Level: 1);

        var kept = NonMaximumSuppression.Apply([tileA, tileB], 0.3f, 0.8f, fuseLevels: true);

        Assert.AreEqual(0.6f, kept[0].Score, 1e-6f);
    }

    [TestMethod]
    public void Apply_FuseLevels_ReordersByFusedScore()
    {
        var lonely = new ScoredBox(new FaceBox(200, 0, 40, 40), 0.7f, Level: 2);
        var seenTwice = new ScoredBox(new FaceBox(0, 0, 40, 40), 0.6f, Level: 0);
        var seenTwiceFine = new ScoredBox(new FaceBox(0, 0, 40, 40), 0.6f, Level: 1);

        var kept = NonMaximumSuppression.Apply([lonely, seenTwice, seenTwiceFine], 0.3f, 0.8f, fuseLevels: true);

        Assert.AreEqual(seenTwice.Box, kept[0].Box);
        Assert.AreEqual(lonely.Box, kept[1].Box);
    }
}
