using Azure;

namespace MediaGate.Storage.AzureBlob;

/// <summary>
/// The body of a downloaded blob, read as it arrives. A connection that breaks mid-body becomes a typed
/// <see cref="ObjectStoreFailureKind.Unavailable"/> instead of a raw network exception (the download is not
/// resumed: the caller retries the whole read).
/// </summary>
internal sealed class BlobReadStream(Stream body, ObjectKey key) : ForwardReadStream
{

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return body.Read(buffer, offset, count);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or RequestFailedException or OperationCanceledException)
        {
            throw Broken(e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or RequestFailedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The SDK reports a body that stalls or ends early as a cancellation by its network timeout.
            throw Broken(e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await body.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private ObjectStoreException Broken(Exception e) =>
        new(ObjectStoreFailureKind.Unavailable, $"Reading object '{key}' from the blob store broke off: {e.GetType().Name}.", e);
}
