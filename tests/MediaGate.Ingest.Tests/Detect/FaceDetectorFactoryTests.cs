using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class FaceDetectorFactoryTests
{
    [TestMethod]
    public void Create_NoName_IsTheStrongestAvailableYuNetN()
    {
        using var detector = FaceDetectorFactory.Create(DetectTestData.Registry, null).Value;

        Assert.AreEqual("yunet-n", detector.Name);
    }

    [TestMethod]
    public void Create_NoNameWithoutExtraFolder_IsBlazeFaceBack()
    {
        var registry = new ModelRegistry(DetectTestData.Registry.Manifest, [ModelRegistry.InstalledFolder]);

        using var detector = FaceDetectorFactory.Create(registry, null).Value;

        Assert.AreEqual("blazeface-back", detector.Name);
    }

    [TestMethod]
    [DataRow("blazeface-back")]
    [DataRow("yunet-n")]
    [DataRow("yunet-s")]
    public void Create_KnownName_GivesThatDetector(string name)
    {
        using var detector = FaceDetectorFactory.Create(DetectTestData.Registry, name).Value;

        Assert.AreEqual(name, detector.Name);
    }

    [TestMethod]
    public void Create_UnknownName_FailsClearly()
    {
        var detector = FaceDetectorFactory.Create(DetectTestData.Registry, "mtcnn");

        Assert.IsFalse(detector.IsSuccess);
        Assert.AreEqual(IngestFailureKind.DetectionFailed, detector.Failure.Kind);
        StringAssert.Contains(detector.Failure.Message, "unknown face detector 'mtcnn'");
    }

    [TestMethod]
    public void Create_VerifierByName_IsRefusedAsADetector()
    {
        var detector = FaceDetectorFactory.Create(DetectTestData.Registry, "retinaface-mnet025");

        Assert.IsFalse(detector.IsSuccess);
        StringAssert.Contains(detector.Failure.Message, "is a verifier");
    }

    [TestMethod]
    public void Create_VerifierInTheModelsFolder_IsTheSecondOpinion()
    {
        using var with = (TiledFaceDetector)FaceDetectorFactory.Create(DetectTestData.Registry, "yunet-n").Value;
        using var without = (TiledFaceDetector)FaceDetectorFactory.Create(new ModelRegistry(DetectTestData.Registry.Manifest, [ModelRegistry.InstalledFolder]), null).Value;

        Assert.AreEqual("retinaface-mnet025", with.Verifier?.Name);
        Assert.IsNull(without.Verifier);
    }

    [TestMethod]
    public void Create_ThresholdOverride_MarksFacesBelowReleaseUncertain()
    {
        var options = new DetectorOptions { Thresholds = new DetectionThresholds(Release: 1f, Doubt: 0.5f) };
        using var detector = FaceDetectorFactory.Create(DetectTestData.Registry, "yunet-n", options).Value;

        var faces = detector.Detect(DetectTestData.Sample("astronaut.png")).Value;

        Assert.IsNotEmpty(faces);
        Assert.IsTrue(faces.All(f => f.Uncertain && f.Score >= 0.5f));
    }
}
