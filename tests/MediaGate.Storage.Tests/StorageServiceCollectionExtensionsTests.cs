using System.Text;
using MediaGate.Storage.Hosting;
using MediaGate.Storage.Tests.Support;
using MediaGate.Testing.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaGate.Storage.Tests;

[TestClass]
public sealed class StorageServiceCollectionExtensionsTests
{
    private string _root = "";

    [TestInitialize]
    public void CreateFolder() => _root = TestData.NewTempFolder();

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public async Task AddMediaGateStores_FolderConfiguration_MasterEncryptedRenditionsPlain()
    {
        var masterKey = TestData.NewMasterKey();
        using var provider = Build(new()
        {
            ["Storage:Master:Folder:RootPath"] = Path.Combine(_root, "masters"),
            ["Storage:Renditions:Folder:RootPath"] = Path.Combine(_root, "renditions"),
            ["Storage:Encryption:CurrentKeyId"] = "2026-11",
            ["Storage:Encryption:MasterKeys:0:Id"] = "2026-11",
            ["Storage:Encryption:MasterKeys:0:Key"] = masterKey,
        });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var content = Encoding.ASCII.GetBytes("MEDIAGATE-PLAINTEXT-CANARY-12345");
        var master = provider.GetRequiredKeyedService<IObjectStore>(StorageServiceCollectionExtensions.MasterStore);
        var renditions = provider.GetRequiredKeyedService<IObjectStore>(StorageServiceCollectionExtensions.RenditionStore);

        await master.PutAsync(TestData.Key("m/1"), new MemoryStream(content));
        await renditions.PutAsync(TestData.Key("r/1"), new MemoryStream(content));

        var storedMaster = await File.ReadAllBytesAsync(Path.Combine(_root, "masters", "m", "1~"));
        Assert.AreEqual(-1, storedMaster.AsSpan().IndexOf(content), "the master store holds ciphertext only");
        CollectionAssert.AreEqual(content, await TestData.ReadAllAsync((await master.OpenReadAsync(TestData.Key("m/1")))!));
        CollectionAssert.AreEqual(content, await File.ReadAllBytesAsync(Path.Combine(_root, "renditions", "r", "1~")));
    }

    [TestMethod]
    public void AddMediaGateStores_InvalidConfiguration_FailsStartupValidationWithoutSecrets()
    {
        var shortKey = Convert.ToBase64String(TestData.Bytes(16, seed: 1));
        var secret = AzuriteServer.ConnectionStringFor(1);
        using var provider = Build(new()
        {
            ["Storage:Master:Kind"] = "AzureBlob",
            ["Storage:Master:AzureBlob:ConnectionString"] = secret,
            ["Storage:Master:AzureBlob:ContainerName"] = "No_Such_Name",
            ["Storage:Renditions:Folder:RootPath"] = "",
            ["Storage:Encryption:CurrentKeyId"] = "k1",
            ["Storage:Encryption:MasterKeys:0:Id"] = "k1",
            ["Storage:Encryption:MasterKeys:0:Key"] = shortKey,
        });

        var error = Assert.ThrowsExactly<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var messages = string.Join("\n", error.InnerExceptions.Select(e => e.Message));
        StringAssert.Contains(messages, "ContainerName");
        StringAssert.Contains(messages, "RootPath");
        StringAssert.Contains(messages, "'k1' is not 32 bytes");
        Assert.DoesNotContain(shortKey, messages);
        Assert.DoesNotContain(AzuriteServer.DevelopmentAccountKey, messages);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddMediaGateStores().BuildServiceProvider();
    }
}
