using System.Security.Cryptography;
using System.Text.Json;
using MediaGate.Storage;
using Microsoft.Data.Sqlite;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Backs up and restores an embedded deployment (<see cref="DataFolderLayout"/>) while it runs.
/// <para>
/// A backup is a folder: a consistent copy of the database (<c>VACUUM INTO</c>, taken first), then the two stores'
/// files, the master key file when the key lives in the data folder, and last <see cref="ManifestName"/> with each
/// file's size and SHA-256. The database is copied before the stores, so every object it names was still there when the
/// stores were copied, unless it was deleted in between (a withdrawal or retention: the restored service's sweeps delete
/// it again). A backup cut short has no manifest and cannot be restored.
/// </para>
/// <para>
/// A restore checks every file against the manifest while copying it next to its place, and moves it into place only
/// when all of them matched; the database comes last, so a data folder never holds a database without its stores. It
/// refuses to write over anything: the data folder must hold no database and the stores must be empty.
/// </para>
/// Both hold the key to every photo: a backup is written private (0700/0600) and must be kept so.
/// </summary>
internal static class DataBackup
{
    public const string ManifestName = "backup.json";
    private const int Format = 1;
    private const string MastersFolder = "masters";
    private const string RenditionsFolder = "renditions";

    public static async Task<BackupManifest> CreateAsync(DataFolderLayout layout, string backupFolder, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(clock);
        string target = Path.GetFullPath(backupFolder);
        foreach (string source in new[] { layout.DataFolder, layout.MasterRoot, layout.RenditionRoot })
        {
            if (IsInside(target, source) || IsInside(source, target))
            {
                throw new InvalidOperationException($"the backup folder {backupFolder} and {source} contain one another: choose a folder outside the data");
            }
        }

        if (!File.Exists(layout.DatabaseFile))
        {
            throw new InvalidOperationException($"no database at {layout.DatabaseFile}");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new InvalidOperationException($"{backupFolder} is not empty: a backup goes into a new folder");
        }

        PrivateFiles.CreateFolder(target);
        var files = new List<BackupFile>();
        string database = Path.Combine(target, Path.GetFileName(layout.DatabaseFile));
        await SnapshotAsync(layout.DatabaseFile, database, cancellationToken).ConfigureAwait(false);
        files.Add(await DescribeAsync(database, Path.GetFileName(database), cancellationToken).ConfigureAwait(false));
        bool keyIncluded = false;
        if (layout.MasterKeyFile is { } keyFile && File.Exists(keyFile))
        {
            files.Add(await CopyAsync(keyFile, target, Path.GetFileName(keyFile), expected: null, cancellationToken).ConfigureAwait(false));
            keyIncluded = true;
        }

        int gone = 0;
        foreach (var (root, prefix) in new[] { (layout.MasterRoot, MastersFolder), (layout.RenditionRoot, RenditionsFolder) })
        {
            foreach (string relative in StoreFiles(root))
            {
                try
                {
                    files.Add(await CopyAsync(Path.Combine(root, relative), target, prefix + "/" + relative.Replace(Path.DirectorySeparatorChar, '/'), expected: null, cancellationToken).ConfigureAwait(false));
                }
                catch (FileNotFoundException)
                {
                    gone++; // deleted since it was listed (a withdrawal, retention): nothing the database copy still needs
                }
            }
        }

        var manifest = new BackupManifest(Format, clock.GetUtcNow(), keyIncluded, gone, files);
        string temporary = Path.Combine(target, "." + ManifestName + ".tmp");
        PrivateFiles.CreateFile(temporary);
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(manifest, JsonSerializerOptions.Web), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, Path.Combine(target, ManifestName));
        return manifest;
    }

    public static async Task<BackupManifest> RestoreAsync(string backupFolder, DataFolderLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        string source = Path.GetFullPath(backupFolder);
        string manifestPath = Path.Combine(source, ManifestName);
        if (!File.Exists(manifestPath))
        {
            throw new InvalidOperationException($"{backupFolder} holds no {ManifestName}: not a MediaGate backup, or one that did not finish");
        }

        BackupManifest manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken).ConfigureAwait(false), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{ManifestName} is empty");
        if (manifest.Format != Format || manifest.Files is null)
        {
            throw new InvalidOperationException($"{ManifestName} is of format {manifest.Format}; this version restores format {Format}");
        }

        string databaseName = Path.GetFileName(layout.DatabaseFile);
        string keyName = Hosting.MasterKeyFile.FileName;
        foreach (BackupFile file in manifest.Files)
        {
            CheckPath(file.Path, databaseName, keyName);
        }

        if (manifest.Files.Count(f => f.Path == databaseName) != 1)
        {
            throw new InvalidOperationException($"{ManifestName} names no database");
        }

        if (File.Exists(layout.DatabaseFile))
        {
            throw new InvalidOperationException($"a database is already at {layout.DatabaseFile}: move the data folder aside first, a restore never writes over one");
        }

        foreach (string root in new[] { layout.MasterRoot, layout.RenditionRoot })
        {
            if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
            {
                throw new InvalidOperationException($"{root} is not empty: a restore never writes over a store");
            }
        }

        bool keyInBackup = manifest.Files.Any(f => f.Path == keyName);
        if ((layout.MasterKeyFile is null) == keyInBackup)
        {
            throw new InvalidOperationException(keyInBackup
                ? "the backup holds master.key but this configuration sets Storage:Encryption: remove the configured keys to use the backed-up one, or restore the configuration the backup was taken with"
                : "the backup holds no master.key and no key is configured: configure the Storage:Encryption keys the backup was taken with first, or the masters cannot be read");
        }

        if (keyInBackup && File.Exists(layout.MasterKeyFile))
        {
            throw new InvalidOperationException($"{layout.MasterKeyFile} exists: a restore never writes over a master key");
        }

        PrivateFiles.CreateFolder(layout.DataFolder);
        string staging = Path.Combine(layout.DataFolder, ".restore-" + Guid.NewGuid().ToString("N"));
        var stagedRoots = new Dictionary<string, string>
        {
            [MastersFolder] = layout.MasterRoot + ".restore-" + Guid.NewGuid().ToString("N"),
            [RenditionsFolder] = layout.RenditionRoot + ".restore-" + Guid.NewGuid().ToString("N"),
        };
        try
        {
            PrivateFiles.CreateFolder(staging);
            foreach (string staged in stagedRoots.Values)
            {
                PrivateFiles.CreateFolder(staged);
            }

            foreach (BackupFile file in manifest.Files)
            {
                string from = Path.Combine(source, file.Path);
                if (!File.Exists(from))
                {
                    throw new InvalidOperationException($"{file.Path} is missing from the backup");
                }

                int slash = file.Path.IndexOf('/', StringComparison.Ordinal);
                (string folder, string relative) = slash < 0
                    ? (staging, file.Path)
                    : (stagedRoots[file.Path[..slash]], file.Path[(slash + 1)..]);
                await CopyAsync(from, folder, relative, file, cancellationToken).ConfigureAwait(false);
            }

            await CheckDatabaseAsync(Path.Combine(staging, databaseName), cancellationToken).ConfigureAwait(false);

            // Everything matched: into place, the stores first and the database last.
            foreach (var (prefix, staged) in stagedRoots)
            {
                string root = prefix == MastersFolder ? layout.MasterRoot : layout.RenditionRoot;
                if (Directory.Exists(root))
                {
                    Directory.Delete(root); // empty: checked above
                }

                Directory.CreateDirectory(Path.GetDirectoryName(root)!);
                Directory.Move(staged, root);
            }

            if (keyInBackup)
            {
                File.Move(Path.Combine(staging, keyName), layout.MasterKeyFile!);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(layout.DatabaseFile)!);
            File.Move(Path.Combine(staging, databaseName), layout.DatabaseFile);
            return manifest;
        }
        finally
        {
            foreach (string leftover in stagedRoots.Values.Append(staging).Where(Directory.Exists))
            {
                Directory.Delete(leftover, recursive: true);
            }
        }
    }

    /// <summary>A consistent copy of the live database: SQLite's own, under a read transaction, writers go on.</summary>
    private static async Task SnapshotAsync(string databaseFile, string copy, CancellationToken cancellationToken)
    {
        PrivateFiles.CreateFile(copy); // VACUUM INTO writes into an empty file: this one is 0600 from the start
        var builder = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $copy";
        command.Parameters.AddWithValue("$copy", copy);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await CheckDatabaseAsync(copy, cancellationToken).ConfigureAwait(false);
    }

    private static async Task CheckDatabaseAsync(string file, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not "ok")
        {
            throw new InvalidOperationException($"the database copy {Path.GetFileName(file)} fails SQLite's check");
        }
    }

    /// <summary>The store's object files relative to its root: regular files only, its temporary files left out.</summary>
    private static IEnumerable<string> StoreFiles(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(path => !Path.GetFileName(path).StartsWith('.'))
            .Select(path => Path.GetRelativePath(root, path))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Copies a file into <paramref name="folder"/> at <paramref name="relative"/> (0600, folders 0700),
    /// hashing what it wrote; with <paramref name="expected"/>, a file whose size or hash differs is refused.</summary>
    private static async Task<BackupFile> CopyAsync(string from, string folder, string relative, BackupFile? expected, CancellationToken cancellationToken)
    {
        string to = Path.Combine(folder, relative);
        PrivateFiles.CreateFolder(Path.GetDirectoryName(to)!);
        await using (var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            PrivateFiles.CreateFile(to);
            await using var output = new FileStream(to, FileMode.Truncate, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long length = 0;
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                length += read;
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            output.Flush(flushToDisk: true);
            var copied = new BackupFile(relative.Replace(Path.DirectorySeparatorChar, '/'), length, Convert.ToHexStringLower(hash.GetHashAndReset()));
            if (expected is not null && (expected.Bytes != copied.Bytes || !string.Equals(expected.Sha256, copied.Sha256, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"{expected.Path} does not match the backup's manifest (damaged or changed since the backup): nothing was restored");
            }

            return expected is null ? copied : expected;
        }
    }

    private static async Task<BackupFile> DescribeAsync(string file, string relative, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        byte[] hash = await SHA256.HashDataAsync(input, cancellationToken).ConfigureAwait(false);
        return new BackupFile(relative, input.Length, Convert.ToHexStringLower(hash));
    }

    /// <summary>A manifest is input: only the database, the key and files under the two stores' folders, no way out.</summary>
    private static void CheckPath(string? path, string databaseName, string keyName)
    {
        bool allowed = path is { Length: > 0 }
            && !Path.IsPathRooted(path)
            && !path.Contains('\\', StringComparison.Ordinal)
            && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..")
            && (path == databaseName || path == keyName
                || path.StartsWith(MastersFolder + "/", StringComparison.Ordinal)
                || path.StartsWith(RenditionsFolder + "/", StringComparison.Ordinal));
        if (!allowed)
        {
            throw new InvalidOperationException($"{ManifestName} names a file a backup cannot hold: {path}");
        }
    }

    private static bool IsInside(string path, string folder)
    {
        string relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
