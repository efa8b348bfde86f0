using MediaGate.Storage;

namespace MediaGate.Gate.Uploads;

/// <summary>
/// A forward-only view of another stream that stops with <see cref="UploadTooLargeException"/> as soon as more
/// than <c>limit</c> bytes have come through: the request body is counted as it is read, whatever
/// Content-Length said (a chunked request has none), so memory and storage stay bounded.
/// </summary>
internal sealed class CountingReadStream(Stream inner, long limit, string what) : ForwardReadStream
{
    public long BytesRead { get; private set; }

    /// <summary>The most bytes allowed; raised by the reader once it knows the request carries a clip.</summary>
    public long Limit { get; set; } = limit;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > Limit)
        {
            throw new UploadTooLargeException($"{what} is larger than {Limit} bytes");
        }

        return read;
    }
}
