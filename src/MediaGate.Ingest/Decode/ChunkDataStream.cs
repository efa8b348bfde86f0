namespace MediaGate.Ingest.Decode;

/// <summary>
/// A read-only stream over several ranges of one array, read one after the other: the data of a PNG's IDAT
/// chunks as one zlib stream, without copying them out of the file first.
/// </summary>
internal sealed class ChunkDataStream(byte[] buffer, IReadOnlyList<(int Start, int Length)> ranges) : Stream
{
    private int _range;
    private int _offset;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer1, int offset, int count) => Read(buffer1.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        while (_range < ranges.Count && _offset == ranges[_range].Length)
        {
            _range++;
            _offset = 0;
        }

        if (_range == ranges.Count || destination.IsEmpty)
        {
            return 0;
        }

        (int start, int length) = ranges[_range];
        int count = Math.Min(destination.Length, length - _offset);
        buffer.AsSpan(start + _offset, count).CopyTo(destination);
        _offset += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer1, int offset, int count) => throw new NotSupportedException();
}
