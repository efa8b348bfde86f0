using System.Diagnostics;
using System.Security.Cryptography;
using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

/// <summary>
/// issue 12, section 5: set-up fetches the strong models from their public sources (eng/install-models.mjs, the
/// public part), each kept only when its SHA-256 matches models/manifest.json; with no network or a mismatch it
/// says so in one line, never fails, and the installation keeps BlazeFace. The sources are replaced by a local
/// server that serves ../shared/models (--base-url).
/// </summary>
[TestClass]
public sealed class ModelFetchTests
{
    private const string BlazeFace = "face_detection_back_256x256_barracuda.onnx";

    private static ModelManifest RepositoryManifest => ModelManifest.Load(Path.Combine(TestPaths.RepoRoot, "models", "manifest.json")).Value;

    /// <summary>The manifest's models that name a public source.</summary>
    private static List<ModelEntryFile> PublicModels
    {
        get
        {
            using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "models", "manifest.json")));
            return manifest.RootElement.GetProperty("models").EnumerateArray()
                .Where(m => m.GetProperty("source").TryGetProperty("url", out _))
                .Select(m => new ModelEntryFile(m.GetProperty("name").GetString()!, m.GetProperty("file").GetString()!, m.GetProperty("sha256").GetString()!))
                .ToList();
        }
    }

    [TestMethod]
    public void Fetch_ServerWithTheModels_InstallsThemCheckedAndTheStrongDetectorIsTheDefault()
    {
        using var folder = NewInstallation();
        using var server = new ModelServer(TestPaths.SharedModels);

        var (exit, errors) = Fetch(folder.Path, server.BaseUrl);

        Assert.AreEqual(0, exit, errors);
        Assert.IsNotEmpty(PublicModels);
        foreach (var model in PublicModels)
        {
            var path = Path.Combine(folder.Path, model.File);
            Assert.IsTrue(File.Exists(path), $"{model.Name} not installed: {errors}");
            Assert.AreEqual(model.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        }

        Assert.AreEqual("yunet-n", new ModelRegistry(RepositoryManifest, [folder.Path]).ResolveDefault().Value.Entry.Name);
    }

    [TestMethod]
    public void Fetch_TamperedModel_IsRefusedInOneLineAndNotInstalled()
    {
        using var folder = NewInstallation();
        using var server = new ModelServer(TestPaths.SharedModels)
        {
            Tamper = (name, bytes) =>
            {
                if (name == "yunet_n_dynamic.onnx")
                {
                    bytes[bytes.Length / 2] ^= 0x01;
                }

                return bytes;
            },
        };

        var (exit, errors) = Fetch(folder.Path, server.BaseUrl);

        Assert.AreEqual(0, exit, errors);
        Assert.IsFalse(File.Exists(Path.Combine(folder.Path, "yunet_n_dynamic.onnx")), errors);
        Assert.AreEqual(0, Directory.GetFiles(folder.Path, ".*partial").Length);
        var line = errors.Split('\n').Single(l => l.Contains("not installed", StringComparison.Ordinal));
        StringAssert.Contains(line, "yunet-n: SHA-256 mismatch");
    }

    [TestMethod]
    public void Fetch_UnreachableServer_SaysSoInOneLineAndLeavesBlazeFace()
    {
        using var folder = NewInstallation();

        var (exit, errors) = Fetch(folder.Path, $"http://127.0.0.1:{ModelServer.FreePort()}/models/");

        Assert.AreEqual(0, exit, errors);
        Assert.AreEqual(1, errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, errors);
        StringAssert.Contains(errors, "uses BlazeFace");
        CollectionAssert.AreEqual(new[] { BlazeFace }, Directory.GetFiles(folder.Path).Select(Path.GetFileName).ToArray());
        Assert.AreEqual("blazeface-back", new ModelRegistry(RepositoryManifest, [folder.Path]).ResolveDefault().Value.Entry.Name);
    }

    /// <summary>A models folder as set-up leaves it once npm has installed BlazeFace.</summary>
    private static TempFolder NewInstallation()
    {
        var folder = new TempFolder();
        File.Copy(Path.Combine(TestPaths.InstalledModels, BlazeFace), Path.Combine(folder.Path, BlazeFace));
        return folder;
    }

    private static (int Exit, string Errors) Fetch(string outFolder, string baseUrl)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(TestPaths.RepoRoot, "eng", "install-models.mjs"), "--public-only", "--out", outFolder, "--base-url", baseUrl })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors.GetAwaiter().GetResult());
    }

    private sealed record ModelEntryFile(string Name, string File, string Sha256);
}
