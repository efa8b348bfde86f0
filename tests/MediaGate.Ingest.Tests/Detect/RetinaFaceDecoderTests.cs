using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class RetinaFaceDecoderTests
{
    private static readonly float[] Priors = [100, 200, 64, 64, 300, 300, 128, 128];

    [TestMethod]
    public void Decode_ZeroOffsets_GivesThePriorBox()
    {
        var boxes = new List<ScoredBox>();

        RetinaFaceDecoder.Decode(Priors, new float[8], [0.1f, 0.9f, 1f, 0f], 0.5f, boxes);

        Assert.HasCount(1, boxes);
        Assert.AreEqual(new FaceBox(68, 168, 64, 64), boxes[0].Box);
        Assert.AreEqual(0.9f, boxes[0].Score);
    }

    [TestMethod]
    public void Decode_Offsets_MoveTheCentreBy0Point1AndScaleTheSizeByExp0Point2()
    {
        var boxes = new List<ScoredBox>();
        float[] offsets = [0, 0, 0, 0, 1f, -2f, MathF.Log(2f) / 0.2f, 0f];

        RetinaFaceDecoder.Decode(Priors, offsets, [1f, 0f, 0.2f, 0.8f], 0.5f, boxes);

        // Centre (300 + 0.1 x 128, 300 - 0.2 x 128), width 128 x 2, height 128.
        Assert.HasCount(1, boxes);
        var b = boxes[0].Box;
        Assert.AreEqual(312.8f, b.X + (b.Width / 2f), 1e-3f);
        Assert.AreEqual(274.4f, b.Y + (b.Height / 2f), 1e-3f);
        Assert.AreEqual(256f, b.Width, 1e-3f);
        Assert.AreEqual(128f, b.Height, 1e-3f);
    }

    [TestMethod]
    public void Decode_OutputsOfAnotherLength_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => RetinaFaceDecoder.Decode(Priors, new float[4], new float[4], 0.5f, []));
    }
}
