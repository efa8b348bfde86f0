using System.Text.Json.Nodes;
using MediaGate.Data;
using MediaGate.Data.Audit;

namespace MediaGate.Cli.Tests;

/// <summary>
/// <c>mediagate backup</c> and <c>restore</c> on a data folder made here: a real database with an audit log, a master
/// key and store files. The round trip through a live service is in the service tests (BackupRestoreTests).
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class BackupCommandsTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [TestMethod]
    public async Task Restore_OfABackup_GivesBackEveryFileAndAVerifyingAuditLog()
    {
        using var temp = new TempFolder();
        await MakeDataFolderAsync(temp.Combine("data"));

        var backup = CliRunner.Run(temp.Path, "backup", "--data", "data", "--out", "saved");
        var restore = CliRunner.Run(temp.Path, "restore", "--from", "saved", "--data", "again");

        Assert.AreEqual(0, backup.ExitCode, backup.Stderr);
        StringAssert.Contains(backup.StdoutLines.Single(), "2 master files, 1 rendition files, master.key");
        Assert.IsFalse(Directory.EnumerateFiles(temp.Combine("saved"), "*.tmp", SearchOption.AllDirectories).Any(), "a store's temporary files are not backed up");
        Assert.AreEqual(Private, File.GetUnixFileMode(temp.Combine("saved", "master.key")), "the backup's copy of the key is private");
        Assert.AreEqual(0, restore.ExitCode, restore.Stderr);
        foreach (var file in new[] { "master.key", "masters/ab/one", "masters/cd/two", "renditions/ef/three" })
        {
            CollectionAssert.AreEqual(await File.ReadAllBytesAsync(temp.Combine("data", file)), await File.ReadAllBytesAsync(temp.Combine("again", file)), file + " is restored as it was");
            Assert.AreEqual(Private, File.GetUnixFileMode(temp.Combine("again", file)), file + " is restored private");
        }

        var verify = CliRunner.Run(temp.Path, "audit", "verify", "--data", "again");
        Assert.AreEqual(0, verify.ExitCode, verify.Stderr);
        StringAssert.StartsWith(verify.StdoutLines.Single(), "audit log intact: 3 entries");
    }

    [TestMethod]
    public async Task Restore_FileChangedInTheBackup_IsRefusedNamingItAndWritesNothing()
    {
        using var temp = new TempFolder();
        await MakeDataFolderAsync(temp.Combine("data"));
        Assert.AreEqual(0, CliRunner.Run(temp.Path, "backup", "--data", "data", "--out", "saved").ExitCode);
        byte[] bytes = await File.ReadAllBytesAsync(temp.Combine("saved", "masters", "cd", "two"));
        bytes[0] ^= 1;
        await File.WriteAllBytesAsync(temp.Combine("saved", "masters", "cd", "two"), bytes);

        var restore = CliRunner.Run(temp.Path, "restore", "--from", "saved", "--data", "again");

        Assert.AreEqual(1, restore.ExitCode);
        StringAssert.Contains(restore.Stderr, "masters/cd/two does not match");
        Assert.IsFalse(File.Exists(temp.Combine("again", MediaGateDatabase.SqliteFileName)), "no database is restored");
        Assert.IsFalse(Directory.Exists(temp.Combine("again", "masters")), "no store is restored");
        Assert.IsFalse(File.Exists(temp.Combine("again", "master.key")), "no key is restored");
        Assert.IsEmpty(Directory.EnumerateFileSystemEntries(temp.Combine("again")), "nothing is left behind, not even the staging folders");
    }

    [TestMethod]
    public async Task Restore_ManifestNamingAFileOutsideTheBackup_IsRefused()
    {
        using var temp = new TempFolder();
        await MakeDataFolderAsync(temp.Combine("data"));
        Assert.AreEqual(0, CliRunner.Run(temp.Path, "backup", "--data", "data", "--out", "saved").ExitCode);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(temp.Combine("saved", "backup.json")))!;
        manifest["files"]!.AsArray().Add(new JsonObject { ["path"] = "masters/../../outside", ["bytes"] = 1, ["sha256"] = new string('0', 64) });
        await File.WriteAllTextAsync(temp.Combine("saved", "backup.json"), manifest.ToJsonString());

        var restore = CliRunner.Run(temp.Path, "restore", "--from", "saved", "--data", "again");

        Assert.AreEqual(1, restore.ExitCode);
        StringAssert.Contains(restore.Stderr, "names a file a backup cannot hold: masters/../../outside");
        Assert.IsFalse(File.Exists(temp.Combine("outside")), "nothing is written outside the data folder");
        Assert.IsFalse(File.Exists(temp.Combine("again", MediaGateDatabase.SqliteFileName)));
    }

    [TestMethod]
    public async Task Restore_OverAnExistingDatabase_IsRefused()
    {
        using var temp = new TempFolder();
        await MakeDataFolderAsync(temp.Combine("data"));
        Assert.AreEqual(0, CliRunner.Run(temp.Path, "backup", "--data", "data", "--out", "saved").ExitCode);
        byte[] live = await File.ReadAllBytesAsync(temp.Combine("data", MediaGateDatabase.SqliteFileName));

        var restore = CliRunner.Run(temp.Path, "restore", "--from", "saved", "--data", "data");

        Assert.AreEqual(1, restore.ExitCode);
        StringAssert.Contains(restore.Stderr, "a database is already at");
        CollectionAssert.AreEqual(live, await File.ReadAllBytesAsync(temp.Combine("data", MediaGateDatabase.SqliteFileName)), "the live database is untouched");
    }

    [TestMethod]
    public async Task Restore_BackupCutShortBeforeItsManifest_IsRefused()
    {
        using var temp = new TempFolder();
        await MakeDataFolderAsync(temp.Combine("data"));
        Assert.AreEqual(0, CliRunner.Run(temp.Path, "backup", "--data", "data", "--out", "saved").ExitCode);
        File.Delete(temp.Combine("saved", "backup.json"));

        var restore = CliRunner.Run(temp.Path, "restore", "--from", "saved", "--data", "again");

        Assert.AreEqual(1, restore.ExitCode);
        StringAssert.Contains(restore.Stderr, "holds no backup.json");
    }

    [TestMethod]
    public async Task Backup_IntoTheDataFolderOrANonEmptyFolder_IsRefused()
    {
        using var temp = new TempFolder();
        await MakeDataFolderAsync(temp.Combine("data"));
        Directory.CreateDirectory(temp.Combine("full"));
        await File.WriteAllTextAsync(temp.Combine("full", "x"), "x");

        var inside = CliRunner.Run(temp.Path, "backup", "--data", "data", "--out", "data/backup");
        var full = CliRunner.Run(temp.Path, "backup", "--data", "data", "--out", "full");

        Assert.AreEqual(1, inside.ExitCode);
        StringAssert.Contains(inside.Stderr, "contain one another");
        Assert.IsFalse(Directory.Exists(temp.Combine("data", "backup")));
        Assert.AreEqual(1, full.ExitCode);
        StringAssert.Contains(full.Stderr, "is not empty");
    }

    /// <summary>A data folder as <c>serve</c> leaves it: the database with three audit entries keyed by master.key,
    /// two master files, a rendition and a store's temporary file (a put in progress).</summary>
    private static async Task MakeDataFolderAsync(string data)
    {
        Directory.CreateDirectory(data);
        string key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());
        await File.WriteAllTextAsync(Path.Combine(data, "master.key"), key + "\n");
        File.SetUnixFileMode(Path.Combine(data, "master.key"), Private);
        await using (var database = await MediaGateDatabase.OpenSqliteAsync(data, TimeProvider.System))
        {
            database.UseAuditKeys(AuditKeys.From(TestSealers.New(key, "local-1")));
            for (int i = 0; i < 3; i++)
            {
                await database.Audit.AppendAsync(new AuditEvent("manager", "view", "media-" + i));
            }
        }

        foreach (var (file, content) in new[] { ("masters/ab/one", "first"), ("masters/cd/two", "second"), ("renditions/ef/three", "third"), ("masters/ab/.one.1@host.x.tmp", "partial") })
        {
            string path = Path.Combine(data, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content);
            File.SetUnixFileMode(path, Private);
        }
    }
}
