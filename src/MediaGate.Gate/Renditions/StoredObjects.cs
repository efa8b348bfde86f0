using MediaGate.Storage;

namespace MediaGate.Gate.Renditions;

/// <summary>
/// Reads a whole stored object, bounded, so that an encrypted one is authenticated to its end before any byte is used; or
/// opens one for byte ranges, bounded too.
/// </summary>
public static class StoredObjects
{
    /// <summary>The object's bytes; null when there is none. More than <paramref name="maxBytes"/> is an error, not a truncation.</summary>
    public static async Task<byte[]?> ReadAllAsync(IObjectStore store, ObjectKey key, long maxBytes, CancellationToken cancellationToken)
    {
        var (bytes, tooLarge) = await ReadBoundedAsync(store, key, maxBytes, cancellationToken).ConfigureAwait(false);
        return tooLarge ? throw TooLarge(key, maxBytes) : bytes;
    }

    /// <summary>
    /// The object's bytes, or (null, false) when there is none, or (null, true) as soon as it passes
    /// <paramref name="maxBytes"/> (reading stops there).
    /// </summary>
    public static async Task<(byte[]? Bytes, bool TooLarge)> ReadBoundedAsync(IObjectStore store, ObjectKey key, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(key);
        var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return (null, false);
        }

        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, true);
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), false);
        }
    }

    /// <summary>
    /// The object as a seekable stream of its length (byte ranges need one), owned by the caller: the store's own when it
    /// is seekable, else a self-deleting temporary copy; null when there is none. More than <paramref name="maxBytes"/> is an
    /// error, as for <see cref="ReadAllAsync"/>.
    /// </summary>
    public static async Task<(Stream Content, long Length)?> OpenSeekableAsync(IObjectStore store, ObjectKey key, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(key);
        var source = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        if (source.CanSeek)
        {
            if (source.Length > maxBytes)
            {
                await source.DisposeAsync().ConfigureAwait(false);
                throw TooLarge(key, maxBytes);
            }

            return (source, source.Length);
        }

        await using (source.ConfigureAwait(false))
        {
            var copy = new FileStream(Path.Combine(Path.GetTempPath(), "mediagate-play-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (copy.Length + read > maxBytes)
                    {
                        throw TooLarge(key, maxBytes);
                    }

                    await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                copy.Position = 0;
                return (copy, copy.Length);
            }
            catch
            {
                await copy.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private static InvalidDataException TooLarge(ObjectKey key, long maxBytes) => new($"The stored object {key} is larger than {maxBytes} bytes.");
}
