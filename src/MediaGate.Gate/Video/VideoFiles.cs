using MediaGate.Storage;

namespace MediaGate.Gate.Video;

/// <summary>
/// A private temporary folder for one video job: ffmpeg reads and writes files, so the decrypted clip is written here
/// (owner-only permissions) and the folder is deleted when the job ends, whatever happens.
/// </summary>
internal sealed class VideoFiles : IDisposable
{
    private VideoFiles(string folder) => Folder = folder;

    public string Folder { get; }

    public static VideoFiles Create()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mediagate-video-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new VideoFiles(folder);
    }

    public string PathOf(string name) => System.IO.Path.Combine(Folder, name);

    /// <summary>Copies a stored object into <paramref name="name"/>; false when it is missing; throws when it is larger than <paramref name="maxBytes"/>.</summary>
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
            var target = new FileStream(PathOf(name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
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

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A tool still closing a file: the machine's temp cleaning takes the rest.
        }
    }
}
