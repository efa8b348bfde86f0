using MediaGate.Ingest.Detect;
using ConsentFaceBox = MediaGate.Consent.Media.FaceBox;

namespace MediaGate.Gate.Tests;

[TestClass]
public sealed class FaceMappingTests
{
    [TestMethod]
    public void ToRecords_DetectedFaces_NumbersThemFromOneAndKeepsBoxScoreAndDoubt()
    {
        var records = FaceMapping.ToRecords([new DetectedFace(10.5f, 20, 30, 40, 0.97f, false), new DetectedFace(200, 50, 25, 33, 0.41f, true)]);

        Assert.HasCount(2, records);
        Assert.AreEqual(1, records[0].Number);
        Assert.AreEqual(new ConsentFaceBox(10.5f, 20, 30, 40), records[0].Box);
        Assert.AreEqual(0.97f, records[0].Score);
        Assert.IsFalse(records[0].Uncertain);
        Assert.AreEqual(2, records[1].Number);
        Assert.IsTrue(records[1].Uncertain, "an uncertain face must stay uncertain: it holds the photo");
    }

    [TestMethod]
    public void ToRecords_FacesFoundOutOfOrder_NumberedLeftToRightByTheirCentres()
    {
        // Found right, left, middle (the detector's order follows its scales and scores, not the picture).
        var records = FaceMapping.ToRecords([
            new DetectedFace(600, 100, 80, 80, 0.99f, false),
            new DetectedFace(40, 300, 60, 60, 0.90f, false),
            new DetectedFace(300, 50, 200, 200, 0.95f, false),
        ]);

        CollectionAssert.AreEqual(new[] { 40f, 300f, 600f }, records.Select(r => r.Box.X).ToArray(), "face 1 is the leftmost, face 3 the rightmost");
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, records.Select(r => r.Number).ToArray());
    }

    [TestMethod]
    public void ToRecords_NoFaces_IsEmpty()
    {
        Assert.IsEmpty(FaceMapping.ToRecords([]));
    }
}
