namespace MediaGate.Gate.Retention;

/// <summary>
/// A forward-only output for <see cref="System.IO.Compression.ZipArchive"/> writing to an HTTP response. The archive's
/// async API still writes a few small records synchronously (an entry's data descriptor when its stream is disposed,
/// on a non-seekable output); Kestrel refuses synchronous writes, which cut every export off after its first file.
/// Synchronous writes are kept here (a few dozen bytes each) and sent ahead of the next asynchronous write or
/// <see cref="FlushPendingAsync"/>; file contents go through asynchronously, so memory stays bounded.
/// </summary>
internal sealed class AsyncOnlyOutputStream(Stream inner) : Stream
{
    /// <summary>Far above a ZIP's synchronous records; more means something writes file data synchronously.</summary>
    private const int MaxPendingBytes = 1024 * 1024;

    private readonly MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_pending.Length + buffer.Length > MaxPendingBytes)
        {
            throw new InvalidOperationException("Too much written synchronously to an asynchronous output.");
        }

        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await FlushPendingAsync(cancellationToken).ConfigureAwait(false);
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        _written += buffer.Length;
    }

    /// <summary>Sends what was written synchronously; call it once the archive is disposed (its end records may be among it).</summary>
    public async Task FlushPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length == 0)
        {
            return;
        }

        await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken).ConfigureAwait(false);
        _pending.SetLength(0);
    }

    public override void Flush()
    {
        // Nothing to do synchronously: pending bytes go out with the next asynchronous write or FlushPendingAsync.
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await FlushPendingAsync(cancellationToken).ConfigureAwait(false);
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pending.Dispose();
        }

        base.Dispose(disposing);
    }
}
