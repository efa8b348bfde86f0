using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaGate.Storage.Folder;

/// <summary>
/// Objects as files under one root folder (the default store). A key's segments are folders, and its last
/// segment plus <c>~</c> is the file (keys cannot contain <c>~</c>, so an object file never collides with a
/// folder of a longer key). A put streams into a unique temporary file beside the target (a name starting with a
/// dot, which no key segment can), fsyncs it, then publishes it with link(2), which fails when the name is taken,
/// and fsyncs the folder: a reader sees the whole object or none, and a crash leaves at most a temporary file,
/// which <see cref="SweepTemporaryFiles"/> removes when the store is opened. Symbolic links under the root are
/// refused, so a key can never lead out of it.
/// </summary>
public sealed partial class FolderObjectStore : IObjectStore
{
    internal const string ObjectSuffix = "~";
    internal const string TemporarySuffix = TemporaryFiles.Suffix;
    private readonly string _root;
    private readonly TimeSpan _temporaryMaxAge;
    private readonly ILogger _logger;
    private long _minFreeBytes;

    private FolderObjectStore(string root, TimeSpan temporaryMaxAge, ILogger logger)
    {
        _root = root;
        _temporaryMaxAge = temporaryMaxAge;
        _logger = logger;
    }

    /// <summary>The root folder, fully resolved.</summary>
    public string RootPath => _root;

    /// <summary>Validates the options, creates the root when missing and sweeps temporary files left by a crash.</summary>
    public static FolderObjectStore Open(FolderObjectStoreOptions options, ILogger<FolderObjectStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var root = Path.GetFullPath(options.RootPath);
        PrivateFiles.CreateFolder(root);

        // The configured root itself may be a link (a mounted volume); what is under it may not.
        var resolved = new DirectoryInfo(root).ResolveLinkTarget(returnFinalTarget: true);
        var store = new FolderObjectStore(resolved?.FullName ?? root, TimeSpan.FromMinutes(options.TemporaryFileMaxAgeMinutes), logger ?? (ILogger)NullLogger.Instance);
        store._minFreeBytes = options.MinFreeBytes;
        store.SweepTemporaryFiles();
        return store;
    }

    /// <summary>
    /// Deletes temporary files that a killed put left behind. Called by <see cref="Open"/>, before the store is
    /// used, so it never races a put of this process; another node's put in progress on a shared folder is left
    /// alone (<see cref="TemporaryFiles.MayDelete"/>). Returns how many were removed.
    /// </summary>
    public int SweepTemporaryFiles()
    {
        var now = TimeProvider.System.GetUtcNow();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(_root, "." + "*" + TemporarySuffix, options))
        {
            if (TemporaryFiles.MayDelete(file, File.GetLastWriteTimeUtc(file), now, _temporaryMaxAge, TemporaryFiles.IsRunning))
            {
                File.Delete(file);
                removed++;
            }
        }

        if (removed > 0)
        {
            LogSwept(_logger, removed, _root);
        }

        return removed;
    }

    public async Task<PutResult> PutAsync(ObjectKey key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(content);
        var folder = Folder(key, create: true)!;
        var target = ObjectPath(folder, key);
        var temporary = Path.Combine(folder, TemporaryFiles.Name(key.Segments[^1] + ObjectSuffix));
        Exception? sourceFailure = null;
        try
        {
            byte[] hash;
            var fileOptions = PrivateFiles.CreateNewOptions(new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0, Options = FileOptions.Asynchronous });
            var file = new FileStream(temporary, fileOptions);
            await using (file.ConfigureAwait(false))
            {
                hash = await ContentHash.CopyAsync(content, file, cancellationToken, e => sourceFailure = e).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            if (NativeFileSystem.TryLink(temporary, target))
            {
                File.Delete(temporary);
                NativeFileSystem.SyncDirectory(folder);
                return PutResult.Created;
            }

            // The name is taken: the same bytes again is a repeated put, anything else would be an overwrite.
            var existing = await OpenReadAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new ObjectStoreException(ObjectStoreFailureKind.Conflict, $"Object '{key}' was deleted while it was being put.");
            await using (existing.ConfigureAwait(false))
            {
                var existingHash = await ContentHash.OfAsync(existing, cancellationToken).ConfigureAwait(false);
                return existingHash.AsSpan().SequenceEqual(hash)
                    ? PutResult.AlreadyPresent
                    : throw new ObjectStoreException(ObjectStoreFailureKind.Conflict, $"Object '{key}' already exists with different content.");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e != sourceFailure)
        {
            // The caller's own stream failing is not a store failure: that exception propagates unchanged.
            throw new ObjectStoreException(ObjectStoreFailureKind.Unavailable, $"Object '{key}' could not be written to the folder store.", e);
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var folder = Folder(key, create: false);
        if (folder is null)
        {
            return Task.FromResult<Stream?>(null);
        }

        var path = ObjectPath(folder, key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException(ObjectStoreFailureKind.Unavailable, $"Object '{key}' could not be opened in the folder store.", e);
        }
    }

    public Task<bool> ExistsAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var folder = Folder(key, create: false);
        return Task.FromResult(folder is not null && File.Exists(ObjectPath(folder, key)));
    }

    public Task<bool> DeleteAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var folder = Folder(key, create: false);
        if (folder is null)
        {
            return Task.FromResult(false);
        }

        var path = ObjectPath(folder, key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        try
        {
            File.Delete(path);
            NativeFileSystem.SyncDirectory(folder);
            return Task.FromResult(true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException(ObjectStoreFailureKind.Unavailable, $"Object '{key}' could not be deleted from the folder store.", e);
        }
    }

    public async Task<StoreReadiness> CheckReadyAsync(CancellationToken cancellationToken = default)
    {
        // Ready means writable: a tiny temporary file is created, fsynced and removed (the sweep would catch it too).
        var probe = Path.Combine(_root, TemporaryFiles.Name("ready"));
        try
        {
            var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await file.WriteAsync(new byte[] { 1 }, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            long free = new DriveInfo(_root).AvailableFreeSpace;
            return free < _minFreeBytes
                ? StoreReadiness.NotReady($"the folder store's file system has {free} bytes free, under the floor of {_minFreeBytes} (MinFreeBytes)")
                : StoreReadiness.Ready;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return StoreReadiness.NotReady("the folder store's root is not writable: " + e.GetType().Name);
        }
        finally
        {
            DeleteQuietly(probe);
        }
    }

    /// <summary>
    /// The folder that holds the key's file, checked segment by segment so that no symbolic link is followed;
    /// null when it does not exist and <paramref name="create"/> is false.
    /// </summary>
    private string? Folder(ObjectKey key, bool create)
    {
        var folder = _root;
        var segments = key.Segments;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            folder = Path.Combine(folder, segments[i]);
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is not null)
            {
                throw Unsafe(key);
            }

            if (!info.Exists)
            {
                if (File.Exists(folder))
                {
                    throw Unsafe(key);
                }

                if (!create)
                {
                    return null;
                }

                PrivateFiles.CreateFolder(folder);
            }
        }

        return folder;
    }

    private static string ObjectPath(string folder, ObjectKey key)
    {
        var path = Path.Combine(folder, key.Segments[^1] + ObjectSuffix);
        var info = new FileInfo(path);
        return info.LinkTarget is not null || Directory.Exists(path) ? throw Unsafe(key) : path;
    }

    /// <summary>Removes a temporary file if it is there; one that cannot be removed is left for the next sweep.</summary>
    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Swept when the store is next opened.
        }
    }

    private static ObjectStoreException Unsafe(ObjectKey key) =>
        new(ObjectStoreFailureKind.UnsafePath, $"Object '{key}' leads to a symbolic link or a non-file under the store's root; refused.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} temporary files left by interrupted writes under {Root}")]
    private static partial void LogSwept(ILogger logger, int count, string root);
}
