using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class FaceLandmarksTests
{
    // A face 40 px wide at x 10..50 in a 100 px wide picture: right eye (the person's) at x 20, left eye at x 40.
    private static readonly FaceLandmarks Face = new(20, 30, 40, 30, 30, 40, 22, 50, 38, 50);

    [TestMethod]
    public void MirrorHorizontally_SwapsThePairsAndMirrorsX()
    {
        var mirrored = Face.MirrorHorizontally(100);

        // In the mirror the person's right eye is the old left eye's mirror: 100 - 40 = 60, still left of the other eye (80).
        Assert.AreEqual(new FaceLandmarks(60, 30, 80, 30, 70, 40, 62, 50, 78, 50), mirrored);
        Assert.IsLessThan(mirrored.LeftEyeX, mirrored.RightEyeX);
    }

    [TestMethod]
    public void MirrorHorizontally_Twice_IsTheOriginal()
    {
        Assert.AreEqual(Face, Face.MirrorHorizontally(100).MirrorHorizontally(100));
    }

    [TestMethod]
    public void ToImage_ShiftsThenDividesLikeTheBox()
    {
        var mapped = Face.ToImage(10, 20, 2);

        Assert.AreEqual(15f, mapped.RightEyeX);
        Assert.AreEqual(25f, mapped.RightEyeY);
        Assert.AreEqual(24f, mapped.LeftMouthX);
        Assert.AreEqual(35f, mapped.LeftMouthY);
    }
}
