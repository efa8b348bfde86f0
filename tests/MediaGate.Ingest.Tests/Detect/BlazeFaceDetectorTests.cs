using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class BlazeFaceDetectorTests
{
    private static readonly FaceBox AstronautFace = new(175, 75, 70, 95);

    private static IFaceDetector _detector = null!;

    [ClassInitialize]
    public static void Open(TestContext context) => _detector = DetectTestData.Create("blazeface-back");

    [ClassCleanup]
    public static void Close() => _detector.Dispose();

    [TestMethod]
    public void Detect_Astronaut_FindsOneCertainFaceOnHerFace()
    {
        var faces = _detector.Detect(DetectTestData.Sample("astronaut.png")).Value;

        var certain = faces.Where(f => !f.Uncertain).ToList();
        Assert.HasCount(1, certain, string.Join("; ", faces));
        Assert.IsTrue(DetectTestData.IsMasked(certain, AstronautFace), certain[0].ToString());
    }

    [TestMethod]
    public void Detect_CoffeeCup_FindsNoCertainFace()
    {
        var faces = _detector.Detect(DetectTestData.Sample("coffee.png")).Value;

        Assert.IsFalse(faces.Any(f => !f.Uncertain), string.Join("; ", faces));
    }

    [TestMethod]
    public void Detect_FacesDevParadePhoto_MasksEveryLabelledFace()
    {
        const string photo = "images/0--Parade/0_Parade_Parade_0_960.jpg";

        var faces = _detector.Detect(DetectTestData.FacesDev(photo)).Value;

        foreach (var labelled in DetectTestData.Labels(photo))
        {
            Assert.IsTrue(DetectTestData.IsMasked(faces, labelled), $"{labelled} not masked by {string.Join("; ", faces)}");
        }
    }
}
