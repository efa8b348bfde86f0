using MediaGate.Ingest.Detect;
using static MediaGate.Ingest.Tests.Detect.DetectTestData;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class FaceVerifierTests
{
    [TestMethod]
    public void Score_AstronautFaceAndABackgroundPatch_ConfirmsOnlyTheFace()
    {
        using var detector = (TiledFaceDetector)Create("yunet-n");
        var verifier = detector.Verifier;
        Assert.IsNotNull(verifier, "the shared models folder holds the verifier");

        var scores = verifier.Score(Sample("astronaut.png"), [AstronautFace, new FaceBox(380, 380, 70, 95)]);

        Assert.IsGreaterThanOrEqualTo(verifier.Confirm, scores[0], string.Join(", ", scores));
        Assert.IsLessThan(verifier.Confirm, scores[1], string.Join(", ", scores));
    }

    [TestMethod]
    public void Score_FromSeveralThreadsAtOnce_GivesTheSameScores()
    {
        using var detector = (TiledFaceDetector)Create("yunet-n");
        var verifier = detector.Verifier!;
        var image = Sample("astronaut.png");
        FaceBox[] boxes = [AstronautFace, new FaceBox(380, 380, 70, 95)];
        var expected = verifier.Score(image, boxes);

        var results = new float[4][];
        Parallel.For(0, results.Length, i => results[i] = verifier.Score(image, boxes));

        Assert.IsTrue(results.All(r => r.SequenceEqual(expected)), string.Join(" / ", results.Select(r => string.Join(", ", r))));
    }
}
