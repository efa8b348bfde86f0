using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class ModelManifestTests
{
    private const string Sha = "104ee26c71d5c270ce79a6b3dced91c91013260d29a6bf18f9296c5b8c4c2b12";

    [TestMethod]
    public void Load_RepositoryManifest_ListsThreeDetectorsYuNetFirstTheVerifierAndTheTextModel()
    {
        var manifest = ModelManifest.Load(Path.Combine(TestPaths.RepoRoot, "models", "manifest.json"));

        Assert.IsTrue(manifest.IsSuccess, manifest.Failure?.ToString());
        CollectionAssert.AreEquivalent(new[] { "blazeface-back", "yunet-n", "yunet-s", "retinaface-mnet025", "ppocr-v4-det" }, manifest.Value.Models.Select(m => m.Name).ToArray());
        Assert.AreEqual(ModelRole.Text, manifest.Value.Find("ppocr-v4-det")!.Role);
        Assert.DoesNotContain("ppocr-v4-det", manifest.Value.Preference);
        Assert.AreEqual(ModelRole.Verifier, manifest.Value.Find("retinaface-mnet025")!.Role);
        Assert.AreEqual(0.9f, manifest.Value.Find("retinaface-mnet025")!.Thresholds.Release);
        Assert.DoesNotContain("retinaface-mnet025", manifest.Value.Preference);
        Assert.AreEqual("yunet-n", manifest.Value.Preference[0]);
        Assert.AreEqual(ModelFamily.BlazeFace, manifest.Value.Find("blazeface-back")!.Family);
        Assert.IsTrue(manifest.Value.Models.All(m => m.Thresholds.IsValid));
    }

    [TestMethod]
    public void Load_CopyBesideTheApplication_IsTheRepositoryManifest()
    {
        Assert.AreEqual(
            File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "models", "manifest.json")),
            File.ReadAllText(ModelManifest.DefaultPath));
    }

    [TestMethod]
    public void Parse_NotJson_FailsAsDetectionFailed()
    {
        var manifest = ModelManifest.Parse("{ models: [");

        Assert.IsFalse(manifest.IsSuccess);
        Assert.AreEqual(IngestFailureKind.DetectionFailed, manifest.Failure.Kind);
    }

    [TestMethod]
    public void Parse_FileWithFolder_IsRefused()
    {
        var manifest = ModelManifest.Parse(Manifest("yunet-n", "YuNet", "../../etc/yunet.onnx", Sha, 0.6f, 0.4f));

        Assert.IsFalse(manifest.IsSuccess);
        StringAssert.Contains(manifest.Failure.Message, "without a folder");
    }

    [TestMethod]
    public void Parse_ShortSha256_IsRefused()
    {
        Assert.IsFalse(ModelManifest.Parse(Manifest("yunet-n", "YuNet", "y.onnx", "abc123", 0.6f, 0.4f)).IsSuccess);
    }

    [TestMethod]
    public void Parse_DoubtAboveRelease_IsRefused()
    {
        Assert.IsFalse(ModelManifest.Parse(Manifest("yunet-n", "YuNet", "y.onnx", Sha, 0.4f, 0.6f)).IsSuccess);
    }

    [TestMethod]
    public void Parse_UnknownFamily_IsRefused()
    {
        Assert.IsFalse(ModelManifest.Parse(Manifest("x", "MTCNN", "y.onnx", Sha, 0.6f, 0.4f)).IsSuccess);
    }

    [TestMethod]
    public void Parse_PreferenceNamingUnknownModel_IsRefused()
    {
        var json = Manifest("yunet-n", "YuNet", "y.onnx", Sha, 0.6f, 0.4f).Replace("{ \"models\"", "{ \"preference\": [\"nope\"], \"models\"", StringComparison.Ordinal);

        Assert.IsFalse(ModelManifest.Parse(json).IsSuccess);
    }

    [TestMethod]
    public void Parse_WithoutPreference_PrefersModelsInListedOrder()
    {
        var manifest = ModelManifest.Parse(Manifest("yunet-n", "YuNet", "y.onnx", Sha, 0.6f, 0.4f));

        Assert.IsTrue(manifest.IsSuccess, manifest.Failure?.ToString());
        CollectionAssert.AreEqual(new[] { "yunet-n" }, manifest.Value.Preference.ToArray());
    }

    [TestMethod]
    public void Parse_ReleaseAlone_IsReadAndDefaultsToRelease()
    {
        var with = ModelManifest.Parse(Manifest("yunet-n", "YuNet", "y.onnx", Sha, 0.5f, 0.34f).Replace("\"release\"", "\"releaseAlone\": 0.65, \"release\"", StringComparison.Ordinal));
        var without = ModelManifest.Parse(Manifest("yunet-n", "YuNet", "y.onnx", Sha, 0.5f, 0.34f));

        Assert.AreEqual(0.65f, with.Value.Models[0].Thresholds.ReleaseAlone);
        Assert.AreEqual(0.5f, without.Value.Models[0].Thresholds.ReleaseAlone);
    }

    [TestMethod]
    public void Parse_ReleaseAloneBelowDoubt_IsRefused()
    {
        var json = Manifest("yunet-n", "YuNet", "y.onnx", Sha, 0.5f, 0.34f).Replace("\"release\"", "\"releaseAlone\": 0.2, \"release\"", StringComparison.Ordinal);

        Assert.IsFalse(ModelManifest.Parse(json).IsSuccess);
    }

    [TestMethod]
    public void Parse_Verifier_ReadsItsConfirmThresholdAndIsNoDetectorChoice()
    {
        var manifest = ModelManifest.Parse(Verifier("RetinaFace").Replace("{ \"models\"", "{ \"preference\": [\"retina\"], \"models\"", StringComparison.Ordinal));
        var plain = ModelManifest.Parse(Verifier("RetinaFace"));

        Assert.IsFalse(manifest.IsSuccess, "a verifier may not be a preferred detector");
        Assert.IsTrue(plain.IsSuccess, plain.Failure?.ToString());
        Assert.AreEqual(ModelRole.Verifier, plain.Value.Models[0].Role);
        Assert.AreEqual(0.8f, plain.Value.Models[0].Thresholds.Release);
        Assert.IsEmpty(plain.Value.Preference);
    }

    [TestMethod]
    public void Parse_DetectorFamilyAsVerifier_IsRefused()
    {
        Assert.IsFalse(ModelManifest.Parse(Verifier("YuNet")).IsSuccess);
    }

    [TestMethod]
    public void Parse_RetinaFaceAsDetector_IsRefused()
    {
        Assert.IsFalse(ModelManifest.Parse(Manifest("retina", "RetinaFace", "r.onnx", Sha, 0.8f, 0.5f)).IsSuccess);
    }

    private static string Verifier(string family) =>
        $$"""{ "models": [ { "name": "retina", "family": "{{family}}", "role": "verifier", "file": "r.onnx", "sha256": "{{Sha}}", "thresholds": { "confirm": 0.8 } } ] }""";

    [TestMethod]
    public void Parse_TextModelAsAFaceDetector_IsRefused()
    {
        var manifest = ModelManifest.Parse(Manifest("text-as-faces", "DbNet", "t.onnx", Sha, 0.6f, 0.4f));

        Assert.IsFalse(manifest.IsSuccess);
        StringAssert.Contains(manifest.Failure.Message, "cannot be a detector");
    }

    internal static string Manifest(string name, string family, string file, string sha, float release, float doubt) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $$"""{ "models": [ { "name": "{{name}}", "family": "{{family}}", "file": "{{file}}", "sha256": "{{sha}}", "thresholds": { "release": {{release}}, "doubt": {{doubt}} } } ] }""");
}
