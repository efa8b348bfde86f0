using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class FaceBoxTests
{
    [TestMethod]
    public void IntersectionOverUnion_SameBox_IsOne()
    {
        var box = new FaceBox(10, 20, 30, 40);

        Assert.AreEqual(1f, box.IntersectionOverUnion(box), 1e-6f);
    }

    [TestMethod]
    public void IntersectionOverUnion_DisjointBoxes_IsZero()
    {
        Assert.AreEqual(0f, new FaceBox(0, 0, 10, 10).IntersectionOverUnion(new FaceBox(10, 0, 10, 10)));
    }

    [TestMethod]
    public void IntersectionOverUnion_HalfShifted_IsOneThird()
    {
        // Overlap 5x10 = 50; union 100 + 100 - 50 = 150.
        Assert.AreEqual(1f / 3f, new FaceBox(0, 0, 10, 10).IntersectionOverUnion(new FaceBox(5, 0, 10, 10)), 1e-6f);
    }

    [TestMethod]
    public void IntersectionOverSmaller_BoxInsideAnother_IsOne()
    {
        Assert.AreEqual(1f, new FaceBox(0, 0, 100, 100).IntersectionOverSmaller(new FaceBox(40, 40, 10, 10)), 1e-6f);
    }

    [TestMethod]
    public void MirrorHorizontally_BoxNearLeftEdge_LandsAsFarFromRightEdge()
    {
        Assert.AreEqual(new FaceBox(70, 5, 20, 30), new FaceBox(10, 5, 20, 30).MirrorHorizontally(100));
    }

    [TestMethod]
    public void MirrorHorizontally_Twice_GivesTheSameBox()
    {
        var box = new FaceBox(12.5f, 7, 31, 40);

        Assert.AreEqual(box, box.MirrorHorizontally(640).MirrorHorizontally(640));
    }

    [TestMethod]
    public void Grow_ByOnePointFour_KeepsCentre()
    {
        var grown = new FaceBox(100, 50, 20, 10).Grow(1.4f);

        Assert.AreEqual(new FaceBox(96, 48, 28, 14), grown with { X = MathF.Round(grown.X, 3), Y = MathF.Round(grown.Y, 3), Width = MathF.Round(grown.Width, 3), Height = MathF.Round(grown.Height, 3) });
    }

    [TestMethod]
    public void Covers_GrownMaskOverLabelledBox_IsShareOfLabelledBox()
    {
        var mask = new FaceBox(0, 0, 10, 10);

        Assert.AreEqual(0.5f, mask.Covers(new FaceBox(5, 0, 10, 10)), 1e-6f);
    }

    [TestMethod]
    public void ToImage_TileAtHalfScale_MapsBackToPhotoPixels()
    {
        var inTile = new FaceBox(10, 20, 30, 40);

        var inPhoto = inTile.ToImage(offsetX: 100, offsetY: 200, scale: 0.5f);

        Assert.AreEqual(new FaceBox(220, 440, 60, 80), inPhoto);
    }
}
