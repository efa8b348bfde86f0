using System.ComponentModel.DataAnnotations;
using System.Text;
using MediaGate.Storage.Encryption;
using MediaGate.Storage.Folder;
using MediaGate.Storage.Tests.Support;

namespace MediaGate.Storage.Tests;

/// <summary>
/// Envelope encryption over a real folder store. Tampering tests edit the stored file on disk directly (the
/// inner store's file for key K is <c>root/K~</c>), which is what an attacker with access to the store could do.
/// </summary>
[TestClass]
public sealed class EncryptedObjectStoreTests
{
    private const int Chunk = 4096; // the smallest chunk size, so that multi-chunk objects stay small
    private string _root = "";
    private FolderObjectStore _inner = null!;
    private string _masterKey = "";

    [TestInitialize]
    public void CreateStore()
    {
        _root = TestData.NewTempFolder();
        _inner = FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root });
        _masterKey = TestData.NewMasterKey();
    }

    [TestCleanup]
    public void DeleteStore() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    [DataRow(Chunk)]
    [DataRow(7 * Chunk + 1)]
    [DataRow(64 * 1024)]
    public async Task PutAsync_RoundTrip_ReadsBackSameBytes(int size)
    {
        var store = Store();
        var content = TestData.Bytes(size, seed: size);

        await store.PutAsync(TestData.Key("m/x"), new MemoryStream(content));

        CollectionAssert.AreEqual(content, await ReadAsync(store, "m/x"));
        Assert.AreEqual(HeaderSize + ((size / Chunk) + (size % Chunk == 0 && size > 0 ? 0 : 1)) * 16 + size, StoredBytes("m/x").Length, "header, a tag per chunk, and the content size");
    }

    [TestMethod]
    public async Task OpenReadAsync_AnySingleByteFlipped_ThrowsDecryptionFailed()
    {
        // Recipe: 3 chunks + 1 byte; flip one bit at every header byte, and at a stride of 37 through the chunks,
        // plus every byte of the last chunk and its tag.
        var store = Store();
        await store.PutAsync(TestData.Key("m/x"), new MemoryStream(TestData.Bytes(3 * Chunk + 1, seed: 9)));
        var original = StoredBytes("m/x");
        var positions = Enumerable.Range(0, HeaderSize)
            .Concat(Enumerable.Range(0, original.Length).Where(i => i % 37 == 0))
            .Concat(Enumerable.Range(original.Length - 17, 17))
            .Distinct();

        foreach (var position in positions)
        {
            var tampered = (byte[])original.Clone();
            tampered[position] ^= 0x01;
            WriteStored("m/x", tampered);

            await AssertDecryptionFailsAsync(store, "m/x", $"byte {position} of {original.Length}");
        }
    }

    [TestMethod]
    public async Task OpenReadAsync_CutAtChunkBoundary_ThrowsDecryptionFailed()
    {
        var store = Store();
        await store.PutAsync(TestData.Key("m/x"), new MemoryStream(TestData.Bytes(3 * Chunk + 1, seed: 10)));
        var original = StoredBytes("m/x");

        // Without the last (1-byte) chunk, then without the last two chunks, then the header alone.
        foreach (var length in new[] { original.Length - 17, original.Length - 17 - (Chunk + 16), HeaderSize })
        {
            WriteStored("m/x", original[..length]);

            await AssertDecryptionFailsAsync(store, "m/x", $"cut to {length}");
        }
    }

    [TestMethod]
    public async Task OpenReadAsync_ChunkAppendedOrReordered_ThrowsDecryptionFailed()
    {
        var store = Store();
        await store.PutAsync(TestData.Key("m/x"), new MemoryStream(TestData.Bytes(3 * Chunk, seed: 11)));
        var original = StoredBytes("m/x");
        var chunk0 = original.AsSpan(HeaderSize, Chunk + 16).ToArray();
        var chunk1 = original.AsSpan(HeaderSize + Chunk + 16, Chunk + 16).ToArray();
        var last = original[^(Chunk + 16)..];

        WriteStored("m/x", [.. original, .. chunk1]);
        await AssertDecryptionFailsAsync(store, "m/x", "a copy of chunk 1 appended");

        WriteStored("m/x", [.. original, .. last]);
        await AssertDecryptionFailsAsync(store, "m/x", "the last chunk repeated");

        WriteStored("m/x", [.. original[..HeaderSize], .. chunk1, .. chunk0, .. last]);
        await AssertDecryptionFailsAsync(store, "m/x", "chunks 0 and 1 swapped");
    }

    [TestMethod]
    public async Task OpenReadAsync_TwoObjectsStoredBytesSwapped_BothThrowDecryptionFailed()
    {
        var store = Store();
        await store.PutAsync(TestData.Key("m/a"), new MemoryStream(TestData.Bytes(2 * Chunk + 3, seed: 12)));
        await store.PutAsync(TestData.Key("m/b"), new MemoryStream(TestData.Bytes(2 * Chunk + 3, seed: 13)));
        var a = StoredBytes("m/a");
        var b = StoredBytes("m/b");

        WriteStored("m/a", b);
        WriteStored("m/b", a);

        await AssertDecryptionFailsAsync(store, "m/a", "b's bytes under a");
        await AssertDecryptionFailsAsync(store, "m/b", "a's bytes under b");
    }

    [TestMethod]
    public async Task PutAsync_DistinctivePlaintext_NeverReachesInnerStore()
    {
        // Recipe: a 32-byte ASCII pattern repeated through 200 KB; neither it nor its first half may appear in what is stored.
        var pattern = Encoding.ASCII.GetBytes("MEDIAGATE-PLAINTEXT-CANARY-12345");
        var content = Enumerable.Repeat(pattern, 200_000 / pattern.Length).SelectMany(p => p).ToArray();
        var store = Store();

        await store.PutAsync(TestData.Key("m/canary"), new MemoryStream(content));

        var stored = StoredBytes("m/canary");
        Assert.AreEqual(-1, stored.AsSpan().IndexOf(pattern));
        Assert.AreEqual(-1, stored.AsSpan().IndexOf(pattern.AsSpan(0, 16)));
        CollectionAssert.AreEqual(content, await ReadAsync(store, "m/canary"));
    }

    [TestMethod]
    public async Task OpenReadAsync_WrongMasterKeyUnderSameId_ThrowsDecryptionFailed()
    {
        await Store().PutAsync(TestData.Key("m/x"), new MemoryStream(TestData.Bytes(100, seed: 14)));
        var wrong = new EncryptedObjectStore(_inner, TestStore.Encryption("k1", TestData.NewMasterKey(), Chunk));

        await AssertDecryptionFailsAsync(wrong, "m/x", "another key named k1");
    }

    [TestMethod]
    public async Task OpenReadAsync_MasterKeyIdNotConfigured_ThrowsDecryptionFailed()
    {
        await Store().PutAsync(TestData.Key("m/x"), new MemoryStream(TestData.Bytes(100, seed: 15)));
        var other = new EncryptedObjectStore(_inner, TestStore.Encryption("k2", TestData.NewMasterKey(), Chunk));

        await AssertDecryptionFailsAsync(other, "m/x", "k1 not configured");
    }

    [TestMethod]
    public async Task OpenReadAsync_AfterRotationToNewCurrentKey_ReadsOldAndNewObjects()
    {
        var oldContent = TestData.Bytes(2 * Chunk + 7, seed: 16);
        await Store().PutAsync(TestData.Key("m/old"), new MemoryStream(oldContent));
        var newKey = TestData.NewMasterKey();
        var rotated = new EnvelopeEncryptionOptions { CurrentKeyId = "k2", ChunkSize = Chunk };
        rotated.MasterKeys.Add(new MasterKeyOptions { Id = "k1", Key = _masterKey });
        rotated.MasterKeys.Add(new MasterKeyOptions { Id = "k2", Key = newKey });
        var store = new EncryptedObjectStore(_inner, rotated);
        var newContent = TestData.Bytes(50, seed: 17);

        await store.PutAsync(TestData.Key("m/new"), new MemoryStream(newContent));

        CollectionAssert.AreEqual(oldContent, await ReadAsync(store, "m/old"));
        CollectionAssert.AreEqual(newContent, await ReadAsync(store, "m/new"));
        // The new object is wrapped under k2 only: a store that knows only k1 cannot read it.
        await AssertDecryptionFailsAsync(Store(), "m/new", "written under k2");
        var onlyNew = new EncryptedObjectStore(_inner, TestStore.Encryption("k2", newKey, Chunk));
        CollectionAssert.AreEqual(newContent, await ReadAsync(onlyNew, "m/new"));
    }

    [TestMethod]
    public void Constructor_InvalidOptions_ThrowsValidationWithoutKeyMaterial()
    {
        var shortKey = Convert.ToBase64String(TestData.Bytes(16, seed: 18));
        var cases = new List<EnvelopeEncryptionOptions>
        {
            TestStore.Encryption("k1", shortKey),
            TestStore.Encryption("k1", "not base64 at all!"),
            TestStore.Encryption("bad id with spaces", _masterKey),
            new() { CurrentKeyId = "k1" },
            TestStore.Encryption("k1", _masterKey, chunkSize: 100),
        };
        var missingCurrent = TestStore.Encryption("k1", _masterKey);
        missingCurrent.CurrentKeyId = "k9";
        cases.Add(missingCurrent);
        var duplicate = TestStore.Encryption("k1", _masterKey);
        duplicate.MasterKeys.Add(new MasterKeyOptions { Id = "k1", Key = TestData.NewMasterKey() });
        cases.Add(duplicate);

        foreach (var options in cases)
        {
            var error = Assert.ThrowsExactly<ValidationException>(() => new EncryptedObjectStore(_inner, options));
            foreach (var key in options.MasterKeys)
            {
                Assert.DoesNotContain(key.Key, error.Message);
            }
        }
    }

    /// <summary>Header size with key id "k1": 6 + 2 + 4 + 8 + 12 + 32 + 16.</summary>
    private static int HeaderSize => 80;

    private EncryptedObjectStore Store() => new(_inner, TestStore.Encryption("k1", _masterKey, Chunk));

    private string StoredPath(string key) => Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar) + FolderObjectStore.ObjectSuffix);

    private byte[] StoredBytes(string key) => File.ReadAllBytes(StoredPath(key));

    private void WriteStored(string key, byte[] bytes) => File.WriteAllBytes(StoredPath(key), bytes);

    private static async Task<byte[]> ReadAsync(IObjectStore store, string key) =>
        await TestData.ReadAllAsync((await store.OpenReadAsync(TestData.Key(key)))!);

    /// <summary>Opening or reading to the end must throw DecryptionFailed; no read may end normally.</summary>
    private static async Task AssertDecryptionFailsAsync(IObjectStore store, string key, string what)
    {
        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => ReadAsync(store, key), what);
        Assert.AreEqual(ObjectStoreFailureKind.DecryptionFailed, error.Kind, what);
    }
}
