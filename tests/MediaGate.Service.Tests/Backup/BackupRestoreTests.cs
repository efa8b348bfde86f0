using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace MediaGate.Service.Tests.Backup;

/// <summary>
/// The README's backup and restore, as a nursery would do them: <c>mediagate backup</c> while the service runs, the
/// machine lost, <c>mediagate restore</c> into a new data folder, the service started on it. The parent must see the
/// same journal photo, and the audit log must still verify with the restored master key.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class BackupRestoreTests : ServiceTest
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Restore_BackupTakenWhileServing_ServesTheSamePhotoToTheParentAndTheAuditLogVerifies()
    {
        var work = NewWorkFolder("backup");
        var original = ServiceSettings.Embedded(work, "original", Models);
        var restored = ServiceSettings.Embedded(work, "restored", Models);
        string backupFolder = Path.Combine(work, "backup");
        string mediaId, parentUsername, parentPassword;
        byte[] seenBefore;
        await using (var service = await ServiceProcess.StartAsync(original))
        {
            using var nursery = await Nursery.CreateAsync(service.Address);
            await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
            var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[0])], [nursery.Ava.ChildId], "Painting");
            var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, TimeSpan.FromMinutes(3))).Single();
            Assert.AreEqual("released", item.Status, "a solo photo of Ava with her journal consent is released");
            mediaId = item.MediaId;
            seenBefore = await ImageAsync(nursery.Ava.Parent, mediaId);
            (parentUsername, parentPassword) = (nursery.Ava.ParentUsername, $"Parent-Passphrase-{nursery.Tag}-Ava");

            var backup = await RunCliAsync("backup", "--data", original.DataFolder, "--out", backupFolder);
            Assert.AreEqual(0, backup.ExitCode, backup.Output);
            StringAssert.Contains(backup.Output, "master.key", "the embedded key is in the backup: " + backup.Output);
            await service.StopAsync();
        }

        var restore = await RunCliAsync("restore", "--from", backupFolder, "--data", restored.DataFolder);
        Assert.AreEqual(0, restore.ExitCode, restore.Output);
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(restored.DataFolder, "mediagate.db")), "the restored database is private");

        await using (var service = await ServiceProcess.StartAsync(restored))
        {
            using var parent = await ApiClient.SignInAsync(service.Address, parentUsername, parentPassword);
            var listed = await parent.ReleasedParentMediaAsync();
            Assert.AreEqual(mediaId, listed.Single().MediaId, "the parent's journal lists the photo after the restore");
            CollectionAssert.AreEqual(SHA256.HashData(seenBefore), SHA256.HashData(await ImageAsync(parent, mediaId)), "the parent gets the same rendition");
        }

        var verify = await RunCliAsync("audit", "verify", "--data", restored.DataFolder);
        Assert.AreEqual(0, verify.ExitCode, verify.Output);
        StringAssert.StartsWith(verify.Output, "audit log intact", "the restored log verifies with the restored key");
    }

    private static async Task<byte[]> ImageAsync(ApiClient parent, string mediaId)
    {
        using var response = await parent.ParentImageAsync(mediaId);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "the parent's image of " + mediaId);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ServiceProcess.ServiceDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output) + (await error));
    }
}
