using System.Diagnostics;
using MediaGate.Gate.Tests.Support;
using MediaGate.Gate.Video;
using MediaGate.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Video;

/// <summary>
/// The decrypted clip's folder (<see cref="VideoFiles"/>): private (folders 0700, files 0600) under the configured work folder,
/// deleted when the job ends, and what a killed process left is swept at start without touching a live process's jobs.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class VideoFilesTests
{
    private const UnixFileMode Folder0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Create_UnderAWorkFolder_FoldersAre0700FilesAre0600AndAllIsDeletedAtTheEnd()
    {
        var root = Path.Combine(Directory.CreateTempSubdirectory("mediagate-files-").FullName, "video-work");
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var store = gate.Masters;
        var key = ObjectKey.Parse("masters/clip.mp4");
        await store.PutAsync(key, new MemoryStream(new byte[1000]), TestContext.CancellationToken);
        string job;
        using (var files = VideoFiles.Create(root))
        {
            job = files.Folder;
            Assert.AreEqual(root, Path.GetDirectoryName(job), "the job is inside the configured work folder");
            Assert.IsTrue(await files.DownloadAsync(store, key, "master.mp4", 10_000, TestContext.CancellationToken));
            string output = files.NewFile("rendition-0.mp4");

            Assert.AreEqual(Folder0700, File.GetUnixFileMode(root), "the work folder");
            Assert.AreEqual(Folder0700, File.GetUnixFileMode(job), "the job's folder");
            Assert.AreEqual(File0600, File.GetUnixFileMode(files.PathOf("master.mp4")), "the decrypted clip");
            Assert.AreEqual(File0600, File.GetUnixFileMode(output), "a file a tool writes");
        }

        Assert.IsFalse(Directory.Exists(job), "the job's folder is deleted when it ends");
    }

    [TestMethod]
    public async Task Create_DownloadOverTheLimit_ThrowsAndTheFolderIsStillDeleted()
    {
        var root = Directory.CreateTempSubdirectory("mediagate-files-").FullName;
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var store = gate.Masters;
        var key = ObjectKey.Parse("masters/big.mp4");
        await store.PutAsync(key, new MemoryStream(new byte[5000]), TestContext.CancellationToken);
        string? job = null;

        await Assert.ThrowsExactlyAsync<VideoTooLargeException>(async () =>
        {
            using var files = VideoFiles.Create(root);
            job = files.Folder;
            await files.DownloadAsync(store, key, "master.mp4", 1000, TestContext.CancellationToken);
        });

        Assert.IsNotNull(job);
        Assert.IsFalse(Directory.Exists(job), "deleted on the failing path too");
    }

    [TestMethod]
    public void SweepLeftovers_JobsOfADeadProcessAndOfALiveOne_DeletesOnlyTheDeadOnes()
    {
        var root = Directory.CreateTempSubdirectory("mediagate-files-").FullName;
        int dead = DeadProcessId();
        var leftover = Path.Combine(root, $"job-{dead}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(leftover);
        File.WriteAllBytes(Path.Combine(leftover, "upload"), [1, 2, 3]);
        using var live = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var running = Path.Combine(root, $"job-{live.Id}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(running);
        var unrelated = Path.Combine(root, "not-a-job");
        Directory.CreateDirectory(unrelated);

        try
        {
            Assert.AreEqual(1, VideoFiles.SweepLeftovers(root));

            Assert.IsFalse(Directory.Exists(leftover), "a dead process's decrypted clip is deleted");
            Assert.IsTrue(Directory.Exists(running), "a live process's job is left alone");
            Assert.IsTrue(Directory.Exists(unrelated), "only job folders are swept");
        }
        finally
        {
            live.Kill();
            live.WaitForExit();
        }
    }

    [TestMethod]
    public async Task ProcessAsync_ClipTheGateRefuses_ItsDecryptedCopyIsInTheWorkFolderOnlyWhileItRuns()
    {
        var root = Path.Combine(Directory.CreateTempSubdirectory("mediagate-files-").FullName, "video-work");
        await using var gate = await GateHarness.CreateAsync(
            Backends.SqliteFolders, new Dictionary<string, string?> { ["Video:WorkFolder"] = root }, configure: VideoRenderQueueTests.AddVideo);
        var ava = await gate.AddChildAsync("Ava");
        var notAClip = new byte[4096];
        notAClip[3] = 0x18;
        "ftypisom"u8.CopyTo(notAClip.AsSpan(4));
        var upload = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava] }.File("clip.mp4", notAClip).RequestAsync(), TestContext.CancellationToken);

        var status = await gate.Services.GetRequiredService<ProcessVideo>().ProcessAsync(upload.Value.Receipt.Items[0].MediaId, TestContext.CancellationToken);

        Assert.AreEqual(Data.Media.MediaStatus.Failed, status, "the gate refuses it");
        Assert.AreEqual(Folder0700, File.GetUnixFileMode(root), "the configured work folder was used, private");
        Assert.IsEmpty(Directory.EnumerateFileSystemEntries(root), "nothing of the clip is left after the failing path");
    }

    /// <summary>The id of a process that has ended (one this test started and waited for).</summary>
    private static int DeadProcessId()
    {
        using var ended = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        ended.WaitForExit();
        return ended.Id;
    }
}
