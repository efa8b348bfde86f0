using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class VerifierMosaicTests
{
    private static readonly VerifierSettings Settings = new() { InputSide = 640, Grid = 4, Context = 2.5f, MaxEnlargement = 2f };

    [TestMethod]
    public void Plan_LargeFace_ShrinksAContextSquareIntoItsCell()
    {
        // A 128 px face at (1000, 800): a 320 px square around its centre (1064, 864), shrunk 2x into a 160 px cell.
        var p = VerifierMosaic.Plan(new FaceBox(1000, 800, 128, 128), 4000, 3000, 5, Settings);

        Assert.AreEqual(new PixelRect(904, 704, 320, 320), p.Crop);
        Assert.AreEqual((160, 160), (p.CellX, p.CellY));
        Assert.AreEqual((160, 160), (p.Width, p.Height));
    }

    [TestMethod]
    public void Plan_SmallFace_EnlargesNoMoreThanTheLimit()
    {
        var p = VerifierMosaic.Plan(new FaceBox(100, 100, 10, 10), 1000, 1000, 15, Settings);

        Assert.AreEqual((480, 480), (p.CellX, p.CellY));
        Assert.AreEqual(2d * p.Crop.Width, p.Width, 1d);
    }

    [TestMethod]
    public void Plan_FaceAtCorner_CropStaysInsideThePhotoAndTheCell()
    {
        var p = VerifierMosaic.Plan(new FaceBox(-10, -10, 300, 300), 400, 300, 0, Settings);

        Assert.AreEqual(0, p.Crop.X);
        Assert.AreEqual(0, p.Crop.Y);
        Assert.IsLessThanOrEqualTo(400, p.Crop.Right);
        Assert.IsLessThanOrEqualTo(300, p.Crop.Bottom);
        Assert.IsLessThanOrEqualTo(160, p.Width);
        Assert.IsLessThanOrEqualTo(160, p.Height);
    }

    [TestMethod]
    public void Plan_IndexPastTheGrid_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => VerifierMosaic.Plan(new FaceBox(0, 0, 10, 10), 100, 100, 16, Settings));
    }

    [TestMethod]
    public void ToPhoto_TheFaceAsPlacedInItsCell_MapsBackToTheFace()
    {
        var face = new FaceBox(1000, 800, 128, 128);
        var p = VerifierMosaic.Plan(face, 4000, 3000, 5, Settings);

        // In the cell the face is 64 px, 48 px in from the crop's corner.
        var mapped = p.ToPhoto(new FaceBox(160 + 48, 160 + 48, 64, 64));

        Assert.IsGreaterThan(0.99f, mapped.IntersectionOverUnion(face));
        Assert.IsTrue(p.Holds(new FaceBox(160 + 48, 160 + 48, 64, 64)));
        Assert.IsFalse(p.Holds(new FaceBox(10, 10, 64, 64)), "a box in another cell is not this candidate's");
    }
}
