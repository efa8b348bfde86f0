using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class CascadeCropTests
{
    private static readonly CascadeSettings Settings = new() { TargetSide = 48, MaxEnlargement = 2f, Context = 3f };

    [TestMethod]
    public void Plan_LargeFaceInMiddle_ShrinksToTargetAndCentresAContextSquare()
    {
        // A 96 px face at (500, 400): shrink 2x to 48 px; crop 3 x 96 = 288 px around its centre (548, 448).
        var (crop, scale, tensorWidth, tensorHeight) = CascadeCrop.Plan(new FaceBox(500, 400, 96, 96), 2000, 1500, Settings);

        Assert.AreEqual(0.5, scale, 1e-9);
        Assert.AreEqual(new PixelRect(404, 304, 288, 288), crop);
        Assert.AreEqual(160, tensorWidth);
        Assert.AreEqual(160, tensorHeight);
    }

    [TestMethod]
    public void Plan_SmallFace_EnlargesNoMoreThanTheLimit()
    {
        // A 12 px face would need 4x to reach 48 px; the limit is 2x.
        var (_, scale, _, _) = CascadeCrop.Plan(new FaceBox(100, 100, 12, 12), 1000, 1000, Settings);

        Assert.AreEqual(2.0, scale, 1e-9);
    }

    [TestMethod]
    public void Plan_FaceAtCorner_CropStaysInsideThePhoto()
    {
        var (crop, _, tensorWidth, tensorHeight) = CascadeCrop.Plan(new FaceBox(-5, -5, 40, 40), 300, 200, Settings);

        Assert.AreEqual(0, crop.X);
        Assert.AreEqual(0, crop.Y);
        Assert.IsLessThanOrEqualTo(300, crop.Right);
        Assert.IsLessThanOrEqualTo(200, crop.Bottom);
        Assert.AreEqual(0, tensorWidth % 32);
        Assert.AreEqual(0, tensorHeight % 32);
        Assert.IsGreaterThanOrEqualTo((int)Math.Round(crop.Width * 1.2), tensorWidth);
    }

    [TestMethod]
    public void Rescore_BestOverlappingBoxCounts_OthersDoNot()
    {
        var candidate = new FaceBox(100, 100, 40, 40);
        ScoredBox[] found =
        [
            new(new FaceBox(102, 98, 40, 42), 0.6f),
            new(new FaceBox(104, 104, 36, 36), 0.8f),
            new(new FaceBox(300, 100, 40, 40), 0.95f), // another face
        ];

        Assert.AreEqual(0.8f, CascadeCrop.Rescore(candidate, found));
    }

    [TestMethod]
    public void Rescore_NothingOnTheCandidate_IsZero()
    {
        Assert.AreEqual(0f, CascadeCrop.Rescore(new FaceBox(0, 0, 10, 10), [new(new FaceBox(50, 50, 10, 10), 0.9f)]));
    }

    [TestMethod]
    public void MapToLevel_HalfScale_GrowsToWholePixelsInsideTheLevel()
    {
        // Photo crop x 11..31, y 0..9 at scale 0.5 -> 5.5..15.5 and 0..4.5 -> whole pixels 5..16, 0..5.
        Assert.AreEqual(new PixelRect(5, 0, 11, 5), CascadeCrop.MapToLevel(new PixelRect(11, 0, 20, 9), 0.5, 100, 50));
    }

    [TestMethod]
    public void MapToLevel_CropAtTheEdge_IsClippedToTheLevel()
    {
        var mapped = CascadeCrop.MapToLevel(new PixelRect(190, 90, 10, 10), 0.5, 100, 50);

        Assert.AreEqual(100, mapped.Right);
        Assert.AreEqual(50, mapped.Bottom);
        Assert.IsGreaterThan(0, mapped.Width);
    }
}
