using System.Security.Cryptography;

namespace MediaGate.Storage.Encryption;

/// <summary>
/// A read-only stream that yields the encrypted form of a plaintext stream (<see cref="EnvelopeFormat"/>) as it
/// is read: one chunk of plaintext and one of ciphertext in memory at a time. A fresh data key and nonce prefix
/// per instance. It also hashes the plaintext, so that a repeated put can be told from a conflicting one.
/// </summary>
internal sealed class EncryptingStream : ForwardReadStream
{
    private readonly Stream _plaintext;
    private readonly AesGcm _aes;
    private readonly byte[] _noncePrefix = new byte[EnvelopeFormat.NoncePrefixSize];
    private readonly byte[] _nonce = new byte[EnvelopeFormat.NonceSize];
    private readonly byte[] _associatedData;
    private readonly byte[] _plain;
    private readonly byte[] _output;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _outputStart;
    private int _outputEnd;
    private uint _index;
    private int _lookahead = -1;
    private bool _finished;

    public EncryptingStream(Stream plaintext, string keyId, byte[] masterKey, int chunkSize, ObjectKey objectKey)
    {
        _plaintext = plaintext;
        var dataKey = RandomNumberGenerator.GetBytes(EnvelopeFormat.KeySize);
        RandomNumberGenerator.Fill(_noncePrefix);
        var header = EnvelopeFormat.WriteHeader(keyId, masterKey, chunkSize, _noncePrefix, dataKey, objectKey);
        _aes = new AesGcm(dataKey, EnvelopeFormat.TagSize);
        CryptographicOperations.ZeroMemory(dataKey);
        _associatedData = EnvelopeFormat.ChunkAssociatedDataPrefix(header, objectKey);
        _plain = new byte[chunkSize];
        _output = new byte[Math.Max(chunkSize + EnvelopeFormat.TagSize, header.Length)];
        header.CopyTo(_output, 0);
        _outputEnd = header.Length;
    }

    /// <summary>SHA-256 of the plaintext, once the whole stream has been read; null before.</summary>
    public byte[]? PlaintextHash { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_outputStart == _outputEnd)
        {
            if (_finished)
            {
                return 0;
            }

            await NextChunkAsync(cancellationToken).ConfigureAwait(false);
        }

        var count = Math.Min(buffer.Length, _outputEnd - _outputStart);
        _output.AsMemory(_outputStart, count).CopyTo(buffer);
        _outputStart += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads one chunk of plaintext (plus one byte ahead, to know whether it is the last) and encrypts it.</summary>
    private async Task NextChunkAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        if (_lookahead >= 0)
        {
            _plain[0] = (byte)_lookahead;
            filled = 1;
            _lookahead = -1;
        }

        int read;
        while (filled < _plain.Length && (read = await _plaintext.ReadAsync(_plain.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        var last = filled < _plain.Length;
        if (!last)
        {
            var one = new byte[1];
            last = await _plaintext.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0;
            _lookahead = last ? -1 : one[0];
        }

        if (_index == uint.MaxValue)
        {
            throw new ObjectStoreException(ObjectStoreFailureKind.Conflict, "The object is too large to encrypt with this chunk size.");
        }

        _hash.AppendData(_plain, 0, filled);
        EnvelopeFormat.ForChunk(_associatedData, _nonce, _noncePrefix, _index, last);
        _aes.Encrypt(_nonce, _plain.AsSpan(0, filled), _output.AsSpan(0, filled), _output.AsSpan(filled, EnvelopeFormat.TagSize), _associatedData);
        CryptographicOperations.ZeroMemory(_plain);
        _outputStart = 0;
        _outputEnd = filled + EnvelopeFormat.TagSize;
        _index++;
        if (last)
        {
            _finished = true;
            PlaintextHash = _hash.GetHashAndReset();
        }
    }
}
