using MediaGate.Storage.AzureBlob;
using MediaGate.Storage.Encryption;
using MediaGate.Storage.Folder;

namespace MediaGate.Storage.Tests.Support;

/// <summary>A store of one kind for one test: its own temp folder or its own Azurite container, removed at the end.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    public const string Folder = "Folder";
    public const string AzureBlob = "AzureBlob";
    public const string EncryptedFolder = "EncryptedFolder";
    public const string EncryptedAzureBlob = "EncryptedAzureBlob";
    private readonly string? _folder;

    private TestStore(IObjectStore store, string? folder)
    {
        Store = store;
        _folder = folder;
    }

    public IObjectStore Store { get; }

    /// <summary>Small blocks (64 KiB), so that tests of a few hundred KiB go through the staged-block path.</summary>
    public static AzureBlobObjectStoreOptions BlobOptions(string connectionString) => new()
    {
        ConnectionString = connectionString,
        ContainerName = "t" + Guid.NewGuid().ToString("N"),
        BlockSize = 64 * 1024,
    };

    public static EnvelopeEncryptionOptions Encryption(string keyId, string key, int chunkSize = 64 * 1024)
    {
        var options = new EnvelopeEncryptionOptions { CurrentKeyId = keyId, ChunkSize = chunkSize };
        options.MasterKeys.Add(new MasterKeyOptions { Id = keyId, Key = key });
        return options;
    }

    public static TestStore Create(string kind)
    {
        switch (kind)
        {
            case Folder:
            case EncryptedFolder:
                var folder = TestData.NewTempFolder();
                IObjectStore inner = FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = folder });
                return new TestStore(kind == Folder ? inner : new EncryptedObjectStore(inner, Encryption("k1", TestData.NewMasterKey())), folder);
            case AzureBlob:
            case EncryptedAzureBlob:
                IObjectStore blob = new AzureBlobObjectStore(BlobOptions(TestAssembly.Azurite.ConnectionString));
                return new TestStore(kind == AzureBlob ? blob : new EncryptedObjectStore(blob, Encryption("k1", TestData.NewMasterKey())), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown store kind");
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
