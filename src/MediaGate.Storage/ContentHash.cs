using System.Buffers;
using System.Security.Cryptography;

namespace MediaGate.Storage;

/// <summary>SHA-256 of content that is streamed, never held whole: how the stores tell "same object again" from "different object".</summary>
internal static class ContentHash
{
    private const int BufferSize = 81920;

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/> and returns the SHA-256 of what was copied.
    /// A failure of the source is handed to <paramref name="onSourceFailure"/> before it propagates unchanged, so a
    /// store can tell the caller's broken stream from its own write failure.
    /// </summary>
    public static async Task<byte[]> CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken, Action<Exception>? onSourceFailure = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    onSourceFailure?.Invoke(e);
                    throw;
                }

                if (read == 0)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            return hash.GetHashAndReset();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The SHA-256 of everything left in <paramref name="source"/>.</summary>
    public static Task<byte[]> OfAsync(Stream source, CancellationToken cancellationToken) =>
        CopyAsync(source, Stream.Null, cancellationToken);
}
