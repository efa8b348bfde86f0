using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class ModelRegistryTests
{
    private static ModelManifest RepositoryManifest => ModelManifest.Load(Path.Combine(TestPaths.RepoRoot, "models", "manifest.json")).Value;

    [TestMethod]
    public void Resolve_SharedYuNet_IsFoundAndVerified()
    {
        var registry = new ModelRegistry(RepositoryManifest, [TestPaths.SharedModels]);

        var model = registry.Resolve("yunet-n");

        Assert.IsTrue(model.IsSuccess, model.Failure?.ToString());
        Assert.AreEqual(Path.Combine(TestPaths.SharedModels, "yunet_n_dynamic.onnx"), model.Value.Path);
        Assert.AreEqual(new FileInfo(model.Value.Path).Length, model.Value.Bytes.Length);
    }

    [TestMethod]
    public void Resolve_FileWithWrongSha256_IsRejected()
    {
        using var folder = new TempFolder();
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.SharedModels, "yunet_n_dynamic.onnx"));
        bytes[^1] ^= 1;
        File.WriteAllBytes(Path.Combine(folder.Path, "yunet_n_dynamic.onnx"), bytes);
        var registry = new ModelRegistry(RepositoryManifest, [folder.Path]);

        var model = registry.Resolve("yunet-n");

        Assert.IsFalse(model.IsSuccess);
        Assert.AreEqual(IngestFailureKind.DetectionFailed, model.Failure.Kind);
        StringAssert.Contains(model.Failure.Message, "SHA-256");
    }

    [TestMethod]
    public void Resolve_TamperedCopyInFirstFolder_FallsBackToVerifiedCopy()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "yunet_n_dynamic.onnx"), "not a model");
        var registry = new ModelRegistry(RepositoryManifest, [folder.Path, TestPaths.SharedModels]);

        var model = registry.Resolve("yunet-n");

        Assert.IsTrue(model.IsSuccess, model.Failure?.ToString());
        Assert.AreEqual(Path.Combine(TestPaths.SharedModels, "yunet_n_dynamic.onnx"), model.Value.Path);
    }

    [TestMethod]
    public void Resolve_MissingModel_ReportsWhereItLookedAndHowToAddIt()
    {
        using var folder = new TempFolder();
        var registry = new ModelRegistry(RepositoryManifest, [folder.Path]);

        var model = registry.Resolve("yunet-s");

        Assert.IsFalse(model.IsSuccess);
        StringAssert.Contains(model.Failure.Message, "not installed");
        StringAssert.Contains(model.Failure.Message, folder.Path);
        StringAssert.Contains(model.Failure.Message, ModelRegistry.ModelsDirectoryVariable);
    }

    [TestMethod]
    public void Resolve_UnknownName_ListsKnownModels()
    {
        var registry = new ModelRegistry(RepositoryManifest, [TestPaths.SharedModels]);

        var model = registry.Resolve("retinaface");

        Assert.IsFalse(model.IsSuccess);
        StringAssert.Contains(model.Failure.Message, "unknown face detector 'retinaface'");
        StringAssert.Contains(model.Failure.Message, "yunet-n");
    }

    [TestMethod]
    public void ResolveVerifier_WithSharedModels_IsRetinaFace()
    {
        var registry = new ModelRegistry(RepositoryManifest, [ModelRegistry.InstalledFolder, TestPaths.SharedModels]);

        var verifier = registry.ResolveVerifier();

        Assert.IsTrue(verifier.IsSuccess, verifier.Failure?.ToString());
        Assert.AreEqual("retinaface-mnet025", verifier.Value.Entry.Name);
    }

    [TestMethod]
    public void ResolveVerifier_TamperedFile_IsRefused()
    {
        using var folder = new TempFolder();
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.SharedModels, "retinaface_mnet025_640.onnx"));
        bytes[^1] ^= 1;
        File.WriteAllBytes(Path.Combine(folder.Path, "retinaface_mnet025_640.onnx"), bytes);
        var registry = new ModelRegistry(RepositoryManifest, [folder.Path]);

        var verifier = registry.ResolveVerifier();

        Assert.IsFalse(verifier.IsSuccess);
        StringAssert.Contains(verifier.Failure.Message, "SHA-256");
    }

    [TestMethod]
    public void ResolveDefault_WithSharedModels_IsYuNetN()
    {
        var registry = new ModelRegistry(RepositoryManifest, [ModelRegistry.InstalledFolder, TestPaths.SharedModels]);

        Assert.AreEqual("yunet-n", registry.ResolveDefault().Value.Entry.Name);
    }

    [TestMethod]
    public void ResolveDefault_OnlyInstalledModels_IsBlazeFaceBack()
    {
        var registry = new ModelRegistry(RepositoryManifest, [ModelRegistry.InstalledFolder]);

        var model = registry.ResolveDefault();

        Assert.IsTrue(model.IsSuccess, model.Failure?.ToString());
        Assert.AreEqual("blazeface-back", model.Value.Entry.Name);
    }

    [TestMethod]
    public void ResolveDefault_NoModelAnywhere_FailsWithEveryReason()
    {
        using var folder = new TempFolder();
        var registry = new ModelRegistry(RepositoryManifest, [folder.Path]);

        var model = registry.ResolveDefault();

        Assert.IsFalse(model.IsSuccess);
        StringAssert.Contains(model.Failure.Message, "no face-detection model is available");
        StringAssert.Contains(model.Failure.Message, "blazeface-back");
    }

    [TestMethod]
    public void Open_ExtraFolder_IsSearchedAfterTheInstalledFolder()
    {
        var registry = ModelRegistry.Open(TestPaths.SharedModels);

        Assert.IsTrue(registry.IsSuccess, registry.Failure?.ToString());
        CollectionAssert.AreEqual(new[] { ModelRegistry.InstalledFolder, Path.GetFullPath(TestPaths.SharedModels) }, registry.Value.Folders.ToArray());
        Assert.IsTrue(registry.Value.Resolve("blazeface-back").IsSuccess, "the registry-installed model is copied beside the application");
    }
}
