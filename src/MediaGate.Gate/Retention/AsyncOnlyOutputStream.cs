namespace MediaGate.Gate.Retention;

/// <summary>
/// Writes to an output that takes only asynchronous writes (an HTTP response). <c>ZipArchive</c> writes a few small
/// pieces synchronously even through its async API (an entry's data descriptor when its stream is disposed, on an
/// output it cannot seek): those are held here and written out, in order, before the next asynchronous write or
/// at <see cref="FlushAsync(CancellationToken)"/>. What is held is bounded; more is a bug, not something to buffer.
/// </summary>
internal sealed class AsyncOnlyOutputStream(Stream inner) : Stream
{
    private const int MaxHeldBytes = 8 * 1024 * 1024;
    private readonly MemoryStream _held = new();
    private bool _abandoned;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>From now on nothing more reaches the output (an export that failed halfway must not be completed).</summary>
    public void Abandon()
    {
        _abandoned = true;
        _held.SetLength(0);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_abandoned)
        {
            return;
        }

        if (_held.Length + buffer.Length > MaxHeldBytes)
        {
            throw new InvalidOperationException($"More than {MaxHeldBytes} bytes were written synchronously to an asynchronous-only output.");
        }

        _held.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_abandoned)
        {
            return;
        }

        await DrainAsync(cancellationToken).ConfigureAwait(false);
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Nothing: what is held goes out asynchronously with the next write or flush.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_abandoned)
        {
            return;
        }

        await DrainAsync(cancellationToken).ConfigureAwait(false);
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _held.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_held.Length > 0)
        {
            await inner.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken).ConfigureAwait(false);
            _held.SetLength(0);
        }
    }
}
