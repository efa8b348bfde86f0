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
    public void ToRecords_NoFaces_IsEmpty()
    {
        Assert.IsEmpty(FaceMapping.ToRecords([]));
    }
}
