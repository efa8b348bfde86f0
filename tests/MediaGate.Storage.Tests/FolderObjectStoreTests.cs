using MediaGate.Storage.Folder;
using MediaGate.Storage.Tests.Support;

namespace MediaGate.Storage.Tests;

[TestClass]
public sealed class FolderObjectStoreTests
{
    private string _root = "";
    private string _outside = "";

    [TestInitialize]
    public void CreateFolders()
    {
        _root = TestData.NewTempFolder();
        _outside = TestData.NewTempFolder();
    }

    [TestCleanup]
    public void DeleteFolders()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
    public async Task PutAsync_AnyUmask_ObjectIs0600AndEveryFolder0700()
    {
        // The root exists already with the usual 0755 (made by an older version or by hand): it is narrowed too.
        File.SetUnixFileMode(_root, PrivateFiles.FolderMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var store = FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root });

        using var content = new MemoryStream([1, 2, 3]);
        await store.PutAsync(ObjectKey.Parse("renditions/journal/photo.jpg"), content);

        Assert.AreEqual(PrivateFiles.FolderMode, File.GetUnixFileMode(_root), "the store's root is private to the service");
        Assert.AreEqual(PrivateFiles.FolderMode, File.GetUnixFileMode(Path.Combine(_root, "renditions")), "a folder the store made is private");
        Assert.AreEqual(PrivateFiles.FolderMode, File.GetUnixFileMode(Path.Combine(_root, "renditions", "journal")), "a nested folder the store made is private");
        var objects = Directory.GetFiles(Path.Combine(_root, "renditions", "journal"));
        Assert.HasCount(1, objects);
        Assert.AreEqual(PrivateFiles.FileMode, File.GetUnixFileMode(objects[0]), "a stored object is readable by the service's user only");
    }

    [TestMethod]
    public void Parse_TraversalKeyAimedAtStoreRoot_RefusedBeforeAnythingIsWritten()
    {
        // The store only takes ObjectKey, so a traversal key is refused while it is still text.
        var relative = Path.GetRelativePath(_root, Path.Combine(_outside, "escaped"));

        var error = Assert.ThrowsExactly<ObjectStoreException>(() => ObjectKey.Parse(relative));

        Assert.AreEqual(ObjectStoreFailureKind.InvalidKey, error.Kind);
        Assert.IsEmpty(Directory.GetFileSystemEntries(_outside));
    }

    [TestMethod]
    public async Task PutAsync_FolderIsSymlinkOutOfRoot_ThrowsUnsafePathAndWritesNothingOutside()
    {
        // Recipe: <root>/evil is a symbolic link to a folder outside the root; a put of "evil/x" would land there.
        var store = FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root });
        Directory.CreateSymbolicLink(Path.Combine(_root, "evil"), _outside);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(TestData.Key("evil/x"), new MemoryStream([1, 2, 3])));

        Assert.AreEqual(ObjectStoreFailureKind.UnsafePath, error.Kind);
        Assert.IsEmpty(Directory.GetFileSystemEntries(_outside));
    }

    [TestMethod]
    public async Task OpenReadAsync_ObjectFileIsSymlinkToOutsideFile_ThrowsUnsafePath()
    {
        // Recipe: the object file "secret~" is a symbolic link to a file outside the root.
        var store = FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root });
        var target = Path.Combine(_outside, "secret.txt");
        await File.WriteAllTextAsync(target, "not for the store");
        File.CreateSymbolicLink(Path.Combine(_root, "secret" + FolderObjectStore.ObjectSuffix), target);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.OpenReadAsync(TestData.Key("secret")));

        Assert.AreEqual(ObjectStoreFailureKind.UnsafePath, error.Kind);
    }

    [TestMethod]
    public async Task Open_FreshTemporaryFileOfAnotherLiveProcess_IsKept()
    {
        // Regression: two nodes on one folder; the second node's start-up sweep deleted the first one's put in progress.
        using var other = System.Diagnostics.Process.Start("sleep", "30");
        try
        {
            Directory.CreateDirectory(Path.Combine(_root, "uploads"));
            var inProgress = Path.Combine(_root, "uploads", $".abc~.{TemporaryFiles.OwnerOf(other.Id, Environment.MachineName)}.{Guid.NewGuid():N}.tmp");
            await File.WriteAllBytesAsync(inProgress, TestData.Bytes(500, seed: 3));

            FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root });

            Assert.IsTrue(File.Exists(inProgress));
        }
        finally
        {
            other.Kill();
        }
    }

    [TestMethod]
    public async Task Open_FreshTemporaryFileOfAnExitedProcessOfThisHost_IsSwept()
    {
        using var exited = System.Diagnostics.Process.Start("true");
        await exited.WaitForExitAsync();
        Directory.CreateDirectory(Path.Combine(_root, "uploads"));
        var leftOver = Path.Combine(_root, "uploads", $".abc.jpg~.{TemporaryFiles.OwnerOf(exited.Id, Environment.MachineName)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(leftOver, TestData.Bytes(500, seed: 4));

        FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root });

        Assert.IsFalse(File.Exists(leftOver));
    }

    [TestMethod]
    public async Task Open_FreshTemporaryFileOfAnotherHost_IsKeptUntilItIsOld()
    {
        Directory.CreateDirectory(Path.Combine(_root, "uploads"));
        var fresh = Path.Combine(_root, "uploads", $".a~.{TemporaryFiles.OwnerOf(1234567, "elsewhere")}.{Guid.NewGuid():N}.tmp");
        var old = Path.Combine(_root, "uploads", $".b~.{TemporaryFiles.OwnerOf(1234567, "elsewhere")}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(fresh, TestData.Bytes(10, seed: 5));
        await File.WriteAllBytesAsync(old, TestData.Bytes(10, seed: 6));
        File.SetLastWriteTimeUtc(old, File.GetLastWriteTimeUtc(old).AddMinutes(-61));

        FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root, TemporaryFileMaxAgeMinutes = 60 });

        Assert.IsTrue(File.Exists(fresh));
        Assert.IsFalse(File.Exists(old));
    }

    [TestMethod]
    public async Task Open_TemporaryFileLeftByKilledPut_IsSweptAndObjectsKept()
    {
        // Recipe: what a put killed before its link(2) leaves: a half-written ".<name>~.<id>.tmp" beside a real object.
        var store = FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root });
        var kept = TestData.Bytes(1000, seed: 1);
        await store.PutAsync(TestData.Key("masters/kept.jpg"), new MemoryStream(kept));
        var leftOver = Path.Combine(_root, "masters", ".lost.jpg~." + Guid.NewGuid().ToString("N") + FolderObjectStore.TemporarySuffix);
        await File.WriteAllBytesAsync(leftOver, TestData.Bytes(500, seed: 2));
        File.SetLastWriteTimeUtc(leftOver, File.GetLastWriteTimeUtc(leftOver).AddHours(-2)); // older than the 60-minute default

        var reopened = FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root });

        Assert.IsFalse(File.Exists(leftOver));
        Assert.IsFalse(await reopened.ExistsAsync(TestData.Key("masters/lost.jpg")));
        CollectionAssert.AreEqual(kept, await TestData.ReadAllAsync((await reopened.OpenReadAsync(TestData.Key("masters/kept.jpg")))!));
    }

    [TestMethod]
    public async Task PutAsync_Completed_LeavesOnlyTheObjectFile()
    {
        var store = FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root });

        await store.PutAsync(TestData.Key("a/b.jpg"), new MemoryStream(TestData.Bytes(100, seed: 3)));
        await store.CheckReadyAsync();

        var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root, f)).ToArray();
        CollectionAssert.AreEqual(new[] { Path.Combine("a", "b.jpg" + FolderObjectStore.ObjectSuffix) }, files);
    }

    [TestMethod]
    public async Task PutAsync_ManyTasksSameKeyDifferentContent_ExactlyOneWinsAndObjectIsWhole()
    {
        var store = FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root });
        var key = TestData.Key("masters/raced.jpg");
        var contents = Enumerable.Range(0, 8).Select(i => TestData.Bytes(300_000, seed: 100 + i)).ToArray();

        var outcomes = await Task.WhenAll(contents.Select(c => Task.Run(async () =>
        {
            try
            {
                return await store.PutAsync(key, new MemoryStream(c)) == PutResult.Created ? "created" : "present";
            }
            catch (ObjectStoreException e) when (e.Kind == ObjectStoreFailureKind.Conflict)
            {
                return "conflict";
            }
        })));

        Assert.AreEqual(1, outcomes.Count(o => o == "created"));
        Assert.AreEqual(7, outcomes.Count(o => o == "conflict"));
        var stored = await TestData.ReadAllAsync((await store.OpenReadAsync(key))!);
        Assert.AreEqual(1, contents.Count(c => c.AsSpan().SequenceEqual(stored)), "the stored object is exactly one of the puts");
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(_root, "masters"), "*" + FolderObjectStore.TemporarySuffix));
    }

    [TestMethod]
    public async Task CheckReadyAsync_RootNotWritable_NotReady()
    {
        // Recipe: the root is replaced by a file after opening, so nothing can be created in it (works as root too).
        var store = FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = _root });
        Directory.Delete(_root);
        await File.WriteAllTextAsync(_root, "not a folder");

        var readiness = await store.CheckReadyAsync();

        Assert.IsFalse(readiness.IsReady);
        File.Delete(_root);
        Directory.CreateDirectory(_root);
    }

    [TestMethod]
    public void Open_EmptyRootPath_ThrowsValidation()
    {
        Assert.ThrowsExactly<System.ComponentModel.DataAnnotations.ValidationException>(() => FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = "" }));
    }
}
