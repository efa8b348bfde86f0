using MediaGate.Storage;

namespace MediaGate.Gate.Renditions;

/// <summary>Reads a whole stored object, bounded, so that an encrypted one is authenticated to its end before any byte is used.</summary>
public static class StoredObjects
{
    /// <summary>The object's bytes; null when there is none. More than <paramref name="maxBytes"/> is an error, not a truncation.</summary>
    public static async Task<byte[]?> ReadAllAsync(IObjectStore store, ObjectKey key, long maxBytes, CancellationToken cancellationToken)
    {
        var (bytes, tooLarge) = await ReadBoundedAsync(store, key, maxBytes, cancellationToken).ConfigureAwait(false);
        return tooLarge ? throw new InvalidDataException($"The stored object {key} is larger than {maxBytes} bytes.") : bytes;
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
}
