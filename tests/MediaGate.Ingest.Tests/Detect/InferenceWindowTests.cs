using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class InferenceWindowTests
{
    private static readonly InferenceWindow MiddleTile = new(1, new PixelRect(500, 500, 640, 640), 640, 640, true, true, true, true);

    [TestMethod]
    public void IsCutByNeighbour_BoxReachingInteriorSide_IsTrue()
    {
        Assert.IsTrue(MiddleTile.IsCutByNeighbour(new FaceBox(600, 100, 60, 60)));
        Assert.IsTrue(MiddleTile.IsCutByNeighbour(new FaceBox(-10, 100, 60, 60)));
    }

    [TestMethod]
    public void IsCutByNeighbour_BoxWellInside_IsFalse()
    {
        Assert.IsFalse(MiddleTile.IsCutByNeighbour(new FaceBox(100, 100, 60, 60)));
    }

    [TestMethod]
    public void IsCutByNeighbour_BoxAtPhotoBorder_IsKept()
    {
        var cornerTile = MiddleTile with { InteriorLeft = false, InteriorTop = false };

        Assert.IsFalse(cornerTile.IsCutByNeighbour(new FaceBox(-5, -5, 60, 60)));
    }
}
