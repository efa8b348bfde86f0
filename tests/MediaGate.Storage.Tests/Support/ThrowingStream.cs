namespace MediaGate.Storage.Tests.Support;

/// <summary>A source that yields some bytes and then fails, like an upload whose connection drops mid-way.</summary>
internal sealed class ThrowingStream(byte[] before) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= before.Length)
        {
            throw new IOException("the source broke off");
        }

        var n = Math.Min(count, before.Length - _position);
        Array.Copy(before, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= before.Length)
        {
            throw new IOException("the source broke off");
        }

        var n = Math.Min(buffer.Length, before.Length - _position);
        before.AsMemory(_position, n).CopyTo(buffer);
        _position += n;
        return ValueTask.FromResult(n);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
