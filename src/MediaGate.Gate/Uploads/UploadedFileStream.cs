using System.Security.Cryptography;

namespace MediaGate.Gate.Uploads;

/// <summary>
/// One uploaded file as it streams into the master store: the first bytes already read for sniffing, then
/// the rest of its multipart section; SHA-256 and length computed on the way (never the whole file in
/// memory), and the per-file limit enforced as it is read.
/// </summary>
internal sealed class UploadedFileStream(ReadOnlyMemory<byte> head, Stream rest, long limit, string name) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _headUsed;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>Lowercase hex SHA-256 of everything read; call once, after the end.</summary>
    public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_headUsed < head.Length)
        {
            return Take(buffer);
        }

        return Count(buffer, rest.Read(buffer));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_headUsed < head.Length)
        {
            return Take(buffer.Span);
        }

        int read = await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Count(buffer.Span, read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Take(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, head.Length - _headUsed);
        head.Span.Slice(_headUsed, n).CopyTo(buffer);
        _headUsed += n;
        return Count(buffer, n);
    }

    private int Count(Span<byte> buffer, int read)
    {
        BytesRead += read;
        if (BytesRead > limit)
        {
            throw new UploadTooLargeException($"The file '{name}' is larger than {limit} bytes");
        }

        _hash.AppendData(buffer[..read]);
        return read;
    }
}
