using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class MergeCandidatesTests
{
    [TestMethod]
    public void MergeCandidates_FaceSeenAtTwoLevels_FusesBestOfEachLevelAndCountsLevels()
    {
        // One face: level 0 finds it at 0.6 and 0.5, level 1 at 0.5; best per level 0.6 and 0.5 -> 1 - 0.4 x 0.5 = 0.8.
        ScoredBox[] boxes =
        [
            new(new FaceBox(0, 0, 40, 40), 0.6f, 0),
            new(new FaceBox(1, 1, 40, 40), 0.5f, 0),
            new(new FaceBox(2, 0, 40, 40), 0.5f, 1),
        ];

        var merged = NonMaximumSuppression.MergeCandidates(boxes, 0.3f, 0.8f);

        Assert.HasCount(1, merged);
        Assert.AreEqual(0.8f, merged[0].Fused, 1e-6f);
        Assert.AreEqual(0.6f, merged[0].Best);
        Assert.AreEqual(2, merged[0].Levels);
        Assert.AreEqual(new FaceBox(0, 0, 40, 40), merged[0].Box);
    }

    [TestMethod]
    public void MergeCandidates_KeepsTheBestBoxsLandmarks()
    {
        var points = new FaceLandmarks(10, 10, 30, 10, 20, 20, 12, 30, 28, 30);
        ScoredBox[] boxes =
        [
            new(new FaceBox(1, 1, 40, 40), 0.5f, 0, new FaceLandmarks(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            new(new FaceBox(0, 0, 40, 40), 0.9f, 1, points),
        ];

        var merged = NonMaximumSuppression.MergeCandidates(boxes, 0.3f, 0.8f);

        Assert.AreEqual(points, merged[0].Landmarks);
    }

    [TestMethod]
    public void MergeCandidates_SeparateFaces_AreSortedByFusedScore()
    {
        ScoredBox[] boxes =
        [
            new(new FaceBox(0, 0, 20, 20), 0.9f, 0),
            new(new FaceBox(100, 0, 20, 20), 0.7f, 0),
            new(new FaceBox(101, 0, 20, 20), 0.7f, 1),
        ];

        var merged = NonMaximumSuppression.MergeCandidates(boxes, 0.3f, 0.8f);

        CollectionAssert.AreEqual(new[] { 1, 2 }, merged.Select(m => m.Levels).Order().ToArray());
        Assert.AreEqual(100f, merged[0].Box.X); // 1 - 0.3 x 0.3 = 0.91 beats 0.9
    }
}
