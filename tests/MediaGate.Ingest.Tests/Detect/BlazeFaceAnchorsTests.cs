using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class BlazeFaceAnchorsTests
{
    [TestMethod]
    public void Centres_Count_Is896WithFineLayerFirst()
    {
        Assert.HasCount(896, BlazeFaceAnchors.Centres);
        // The last fine anchor is in the last 16x16 cell; the next one is in the first 8x8 cell.
        Assert.AreEqual((15.5f / 16, 15.5f / 16), BlazeFaceAnchors.Centres[511]);
        Assert.AreEqual((0.5f / 8, 0.5f / 8), BlazeFaceAnchors.Centres[512]);
    }

    [TestMethod]
    public void Centres_FirstFineCell_HasTwoAnchorsAtHalfCell()
    {
        Assert.AreEqual((0.5f / 16, 0.5f / 16), BlazeFaceAnchors.Centres[0]);
        Assert.AreEqual((0.5f / 16, 0.5f / 16), BlazeFaceAnchors.Centres[1]);
        Assert.AreEqual((1.5f / 16, 0.5f / 16), BlazeFaceAnchors.Centres[2]);
    }

    [TestMethod]
    public void Centres_RowMajorWithinLayer_SecondRowStartsAfterSixteenCells()
    {
        Assert.AreEqual((0.5f / 16, 1.5f / 16), BlazeFaceAnchors.Centres[16 * 2]);
    }

    [TestMethod]
    public void Centres_CoarseLayer_HasSixAnchorsPerCellEndingAtLastCell()
    {
        for (var a = 0; a < 6; a++)
        {
            Assert.AreEqual((0.5f / 8, 0.5f / 8), BlazeFaceAnchors.Centres[512 + a]);
        }

        Assert.AreEqual((1.5f / 8, 0.5f / 8), BlazeFaceAnchors.Centres[512 + 6]);
        Assert.AreEqual((7.5f / 8, 7.5f / 8), BlazeFaceAnchors.Centres[895]);
    }
}
