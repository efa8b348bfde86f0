using MediaGate.Storage.Tests.Support;

namespace MediaGate.Storage.Tests;

/// <summary>
/// What every <see cref="IObjectStore"/> promises, run against the folder store, the blob store on a real
/// Azurite, and the encrypted store over each.
/// </summary>
[TestClass]
public sealed class ObjectStoreContractTests
{
    [TestMethod]
    [DataRow(TestStore.Folder)]
    [DataRow(TestStore.AzureBlob)]
    [DataRow(TestStore.EncryptedFolder)]
    [DataRow(TestStore.EncryptedAzureBlob)]
    public async Task PutAsync_ObjectsOfManySizes_ReadBackByteForByte(string kind)
    {
        await using var test = TestStore.Create(kind);

        // 0 bytes, 1 byte, exactly one 64 KiB block/chunk, and several blocks plus one byte.
        foreach (var size in new[] { 0, 1, 64 * 1024, 3 * 64 * 1024 + 1 })
        {
            var key = TestData.Key($"items/size-{size}.bin");
            var content = TestData.Bytes(size, seed: size);

            var result = await test.Store.PutAsync(key, new MemoryStream(content));

            Assert.AreEqual(PutResult.Created, result, $"size {size}");
            var stream = await test.Store.OpenReadAsync(key);
            Assert.IsNotNull(stream, $"size {size}");
            CollectionAssert.AreEqual(content, await TestData.ReadAllAsync(stream), $"size {size}");
        }
    }

    [TestMethod]
    [DataRow(TestStore.Folder)]
    [DataRow(TestStore.AzureBlob)]
    [DataRow(TestStore.EncryptedFolder)]
    [DataRow(TestStore.EncryptedAzureBlob)]
    public async Task PutAsync_SameKeySameContentAgain_ReturnsAlreadyPresent(string kind)
    {
        await using var test = TestStore.Create(kind);
        var key = TestData.Key("masters/a.jpg");
        var content = TestData.Bytes(150_000, seed: 1);
        await test.Store.PutAsync(key, new MemoryStream(content));

        var again = await test.Store.PutAsync(key, new MemoryStream(content));

        Assert.AreEqual(PutResult.AlreadyPresent, again);
        CollectionAssert.AreEqual(content, await TestData.ReadAllAsync((await test.Store.OpenReadAsync(key))!));
    }

    [TestMethod]
    [DataRow(TestStore.Folder)]
    [DataRow(TestStore.AzureBlob)]
    [DataRow(TestStore.EncryptedFolder)]
    [DataRow(TestStore.EncryptedAzureBlob)]
    public async Task PutAsync_SameKeyDifferentContent_ThrowsConflictAndKeepsOriginal(string kind)
    {
        await using var test = TestStore.Create(kind);
        var key = TestData.Key("masters/b.jpg");
        var original = TestData.Bytes(70_000, seed: 2);
        await test.Store.PutAsync(key, new MemoryStream(original));
        var other = TestData.Bytes(70_000, seed: 3);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => test.Store.PutAsync(key, new MemoryStream(other)));

        Assert.AreEqual(ObjectStoreFailureKind.Conflict, error.Kind);
        CollectionAssert.AreEqual(original, await TestData.ReadAllAsync((await test.Store.OpenReadAsync(key))!));
    }

    [TestMethod]
    [DataRow(TestStore.Folder)]
    [DataRow(TestStore.AzureBlob)]
    [DataRow(TestStore.EncryptedFolder)]
    [DataRow(TestStore.EncryptedAzureBlob)]
    public async Task OpenReadAsync_MissingKey_ReturnsNull(string kind)
    {
        await using var test = TestStore.Create(kind);

        Assert.IsNull(await test.Store.OpenReadAsync(TestData.Key("nothing/here.jpg")));
        Assert.IsFalse(await test.Store.ExistsAsync(TestData.Key("nothing/here.jpg")));
    }

    [TestMethod]
    [DataRow(TestStore.Folder)]
    [DataRow(TestStore.AzureBlob)]
    [DataRow(TestStore.EncryptedFolder)]
    [DataRow(TestStore.EncryptedAzureBlob)]
    public async Task DeleteAsync_ExistingObject_RemovesItOnce(string kind)
    {
        await using var test = TestStore.Create(kind);
        var key = TestData.Key("renditions/c/parent.jpg");
        await test.Store.PutAsync(key, new MemoryStream(TestData.Bytes(10, seed: 4)));
        Assert.IsTrue(await test.Store.ExistsAsync(key));

        Assert.IsTrue(await test.Store.DeleteAsync(key));

        Assert.IsFalse(await test.Store.ExistsAsync(key));
        Assert.IsNull(await test.Store.OpenReadAsync(key));
        Assert.IsFalse(await test.Store.DeleteAsync(key));
    }

    [TestMethod]
    [DataRow(TestStore.Folder)]
    [DataRow(TestStore.AzureBlob)]
    [DataRow(TestStore.EncryptedFolder)]
    [DataRow(TestStore.EncryptedAzureBlob)]
    public async Task PutAsync_KeyThatIsAFolderOfAnotherKey_BothKept(string kind)
    {
        // "a/b" as an object and "a/b/c" below it: a folder store must not confuse the object with the folder.
        await using var test = TestStore.Create(kind);
        var outer = TestData.Bytes(5, seed: 5);
        var inner = TestData.Bytes(6, seed: 6);

        await test.Store.PutAsync(TestData.Key("a/b"), new MemoryStream(outer));
        await test.Store.PutAsync(TestData.Key("a/b/c"), new MemoryStream(inner));

        CollectionAssert.AreEqual(outer, await TestData.ReadAllAsync((await test.Store.OpenReadAsync(TestData.Key("a/b")))!));
        CollectionAssert.AreEqual(inner, await TestData.ReadAllAsync((await test.Store.OpenReadAsync(TestData.Key("a/b/c")))!));
    }

    [TestMethod]
    [DataRow(TestStore.Folder)]
    [DataRow(TestStore.AzureBlob)]
    [DataRow(TestStore.EncryptedFolder)]
    [DataRow(TestStore.EncryptedAzureBlob)]
    public async Task PutAsync_SourceBreaksOffMidway_NoObjectVisible(string kind)
    {
        await using var test = TestStore.Create(kind);
        var key = TestData.Key("uploads/broken.jpg");

        // 200 KB arrive, then the source fails: several blocks/chunks were already passed on.
        await Assert.ThrowsAsync<IOException>(() => test.Store.PutAsync(key, new ThrowingStream(TestData.Bytes(200_000, seed: 7))));

        Assert.IsFalse(await test.Store.ExistsAsync(key));
        Assert.IsNull(await test.Store.OpenReadAsync(key));
    }

    [TestMethod]
    [DataRow(TestStore.Folder)]
    [DataRow(TestStore.AzureBlob)]
    [DataRow(TestStore.EncryptedFolder)]
    [DataRow(TestStore.EncryptedAzureBlob)]
    public async Task PutAsync_ConcurrentPutsOfSameObject_OneCreatedOthersAlreadyPresent(string kind)
    {
        await using var test = TestStore.Create(kind);
        var key = TestData.Key("masters/same.jpg");
        var content = TestData.Bytes(3 * 64 * 1024 + 5, seed: 8);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => test.Store.PutAsync(key, new MemoryStream(content)))));

        Assert.AreEqual(1, results.Count(r => r == PutResult.Created));
        Assert.AreEqual(5, results.Count(r => r == PutResult.AlreadyPresent));
        CollectionAssert.AreEqual(content, await TestData.ReadAllAsync((await test.Store.OpenReadAsync(key))!));
    }

    [TestMethod]
    [DataRow(TestStore.Folder)]
    [DataRow(TestStore.AzureBlob)]
    [DataRow(TestStore.EncryptedFolder)]
    [DataRow(TestStore.EncryptedAzureBlob)]
    public async Task CheckReadyAsync_WorkingStore_IsReady(string kind)
    {
        await using var test = TestStore.Create(kind);

        var readiness = await test.Store.CheckReadyAsync();

        Assert.IsTrue(readiness.IsReady, readiness.Problem);
    }
}
