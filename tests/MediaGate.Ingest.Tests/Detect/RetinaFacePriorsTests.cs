using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class RetinaFacePriorsTests
{
    [TestMethod]
    public void Generate_640_GivesTheModelsOutputCountInStrideCellAnchorOrder()
    {
        var priors = RetinaFacePriors.Generate(640);

        // (80 x 80 + 40 x 40 + 20 x 20) cells x 2 anchors = 16,800 priors, as the export's outputs.
        Assert.HasCount(16_800 * 4, priors);
        CollectionAssert.AreEqual(new float[] { 4, 4, 16, 16, 4, 4, 32, 32, 12, 4, 16, 16 }, priors[..12]);
        var firstOfStride16 = 80 * 80 * 2 * 4;
        CollectionAssert.AreEqual(new float[] { 8, 8, 64, 64, 8, 8, 128, 128 }, priors[firstOfStride16..(firstOfStride16 + 8)]);
        CollectionAssert.AreEqual(new float[] { 624, 624, 256, 256, 624, 624, 512, 512 }, priors[^8..]);
    }

    [TestMethod]
    public void Generate_SecondRowOfStride8_StartsOneStrideDown()
    {
        var priors = RetinaFacePriors.Generate(640);

        var secondRow = 80 * 2 * 4;
        CollectionAssert.AreEqual(new float[] { 4, 12, 16, 16 }, priors[secondRow..(secondRow + 4)]);
    }
}
