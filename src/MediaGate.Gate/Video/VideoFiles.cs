using System.Diagnostics;
using System.Globalization;
using MediaGate.Storage;

namespace MediaGate.Gate.Video;

/// <summary>
/// A private folder for one video job: ffmpeg reads and writes files, so the decrypted clip is written here. The jobs live under
/// <c>Video:WorkFolder</c> (the service's data folder, <c>video-work</c>, in the embedded deployment), which is 0700, as is each
/// job's folder; the files the gate writes are 0600. The folder is deleted when the job ends, whatever happens, and what a killed
/// process left is deleted at the next start (<see cref="SweepLeftovers"/>).
/// </summary>
internal sealed class VideoFiles : IDisposable
{
    private const string JobPrefix = "job-";

    private VideoFiles(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>A new job folder under <paramref name="root"/> (both 0700), named with this process's id for the sweep.</summary>
    public static VideoFiles Create(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        PrivateFiles.CreateFolder(root);
        string folder = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"{JobPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"));
        PrivateFiles.CreateFolder(folder);
        return new VideoFiles(folder);
    }

    /// <summary>
    /// Deletes the job folders under <paramref name="root"/> that no running process owns: those of a process that died (and of
    /// an earlier process with this one's id, which has started no job yet). A live process's jobs are left alone, so nodes or
    /// commands that share the folder do not lose each other's work. The number deleted.
    /// </summary>
    public static int SweepLeftovers(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            return 0;
        }

        int deleted = 0;
        foreach (string folder in Directory.EnumerateDirectories(root, JobPrefix + "*"))
        {
            string name = Path.GetFileName(folder);
            int dash = name.IndexOf('-', JobPrefix.Length);
            bool owned = dash > JobPrefix.Length
                && int.TryParse(name.AsSpan(JobPrefix.Length, dash - JobPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                && pid != Environment.ProcessId
                && IsRunning(pid);
            if (!owned && TryDelete(folder))
            {
                deleted++;
            }
        }

        return deleted;
    }

    public string PathOf(string name) => System.IO.Path.Combine(Folder, name);

    /// <summary>The path of a file a tool will write, created empty and 0600 first (ffmpeg keeps an existing file's mode).</summary>
    public string NewFile(string name)
    {
        string path = PathOf(name);
        using (new FileStream(path, PrivateFiles.CreateNewOptions(new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write })))
        {
        }

        return path;
    }

    /// <summary>Copies a stored object into <paramref name="name"/> (0600); false when it is missing; throws when it is larger than <paramref name="maxBytes"/>.</summary>
    public async Task<bool> DownloadAsync(IObjectStore store, ObjectKey key, string name, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var source = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return false;
        }

        await using (source.ConfigureAwait(false))
        {
            var target = new FileStream(PathOf(name), PrivateFiles.CreateNewOptions(new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 81920, Options = FileOptions.Asynchronous,
            }));
            await using (target.ConfigureAwait(false))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw new VideoTooLargeException($"{key} is larger than {maxBytes} bytes");
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return true;
    }

    public void Dispose() => TryDelete(Folder);

    private static bool TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A tool still closing a file: the next start's sweep deletes the rest.
            return false;
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
