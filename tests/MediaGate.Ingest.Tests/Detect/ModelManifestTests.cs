using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class ModelManifestTests
{
    private const string Sha = "104ee26c71d5c270ce79a6b3dced91c91013260d29a6bf18f9296c5b8c4c2b12";

    [TestMethod]
    public void Load_RepositoryManifest_ListsTheThreeModelsYuNetFirst()
    {
        var manifest = ModelManifest.Load(Path.Combine(TestPaths.RepoRoot, "models", "manifest.json"));

        Assert.IsTrue(manifest.IsSuccess, manifest.Failure?.ToString());
        CollectionAssert.AreEquivalent(new[] { "blazeface-back", "yunet-n", "yunet-s" }, manifest.Value.Models.Select(m => m.Name).ToArray());
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
        Assert.IsFalse(ModelManifest.Parse(Manifest("x", "RetinaFace", "y.onnx", Sha, 0.6f, 0.4f)).IsSuccess);
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

    internal static string Manifest(string name, string family, string file, string sha, float release, float doubt) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $$"""{ "models": [ { "name": "{{name}}", "family": "{{family}}", "file": "{{file}}", "sha256": "{{sha}}", "thresholds": { "release": {{release}}, "doubt": {{doubt}} } } ] }""");
}
