using System.Security.Cryptography;
using MediaGate.Storage;

namespace MediaGate.Gate.Uploads;

/// <summary>
/// One uploaded file as it streams into the master store: the first bytes already read for sniffing, then
/// the rest of its multipart section; SHA-256 and length computed on the way (never the whole file in
/// memory), and the per-file limit enforced as it is read.
/// </summary>
internal sealed class UploadedFileStream(ReadOnlyMemory<byte> head, Stream rest, long limit, string name) : ForwardReadStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _headUsed;

    public long BytesRead { get; private set; }

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>Lowercase hex SHA-256 of everything read; call once, after the end.</summary>
    public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_headUsed < head.Length)
        {
            return Take(buffer.Span);
        }

        int read = await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Count(buffer.Span, read);
    }

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
