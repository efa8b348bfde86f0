using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MediaGate.Storage.Encryption;

/// <summary>
/// A read-only stream that authenticates and decrypts an encrypted object (<see cref="EnvelopeFormat"/>) chunk by
/// chunk. Only authenticated plaintext is ever returned; anything that does not authenticate (a changed byte, a
/// wrong or unknown master key, a cut or extended object, bytes of another key) throws
/// <see cref="ObjectStoreFailureKind.DecryptionFailed"/>, at the latest when the end is reached.
/// </summary>
internal sealed class DecryptingStream : ForwardReadStream
{
    private readonly Stream _ciphertext;
    private readonly MasterKeyRing _keys;
    private readonly ObjectKey _objectKey;
    private readonly byte[] _nonce = new byte[EnvelopeFormat.NonceSize];
    private byte[] _noncePrefix = [];
    private byte[] _associatedData = [];
    private byte[] _cipher = [];
    private byte[] _plain = [];
    private AesGcm? _aes;
    private int _chunkSize;
    private int _plainStart;
    private int _plainEnd;
    private uint _index;
    private int _lookahead = -1;
    private bool _finished;

    public DecryptingStream(Stream ciphertext, MasterKeyRing keys, ObjectKey objectKey)
    {
        _ciphertext = ciphertext;
        _keys = keys;
        _objectKey = objectKey;
    }

    /// <summary>Reads and checks the header and unwraps the data key; called by the store when it opens the object.</summary>
    public async Task ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var start = new byte[EnvelopeFormat.FixedStartSize];
        if (await ReadFullyAsync(start, cancellationToken).ConfigureAwait(false) < start.Length
            || !start.AsSpan(0, 4).SequenceEqual(EnvelopeFormat.Magic) || start[4] != EnvelopeFormat.Version || start[5] is 0 or > 64)
        {
            throw Failed("its header is not a version 1 envelope");
        }

        var header = new byte[EnvelopeFormat.FixedStartSize + start[5] + EnvelopeFormat.FixedEndSize];
        start.CopyTo(header, 0);
        if (await ReadFullyAsync(header.AsMemory(start.Length), cancellationToken).ConfigureAwait(false) < header.Length - start.Length)
        {
            throw Failed("its header is cut short");
        }

        var keyIdEnd = EnvelopeFormat.FixedStartSize + start[5];
        var keyId = Encoding.ASCII.GetString(header, EnvelopeFormat.FixedStartSize, start[5]);
        var masterKey = _keys.Find(keyId) ?? throw Failed($"its master key id '{SafeId(keyId)}' is not configured");

        // The chunk size is authenticated by the key wrap below; bounded here first so that a forged header cannot make us allocate much.
        var chunkSize = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(keyIdEnd));
        if (chunkSize is < EnvelopeEncryptionOptions.MinimumChunkSize or > EnvelopeEncryptionOptions.MaximumChunkSize)
        {
            throw Failed("its chunk size is out of range");
        }

        _noncePrefix = header.AsSpan(keyIdEnd + 4, EnvelopeFormat.NoncePrefixSize).ToArray();
        var wrapNonce = header.AsSpan(keyIdEnd + 4 + EnvelopeFormat.NoncePrefixSize, EnvelopeFormat.NonceSize);
        var wrapped = header.AsSpan(keyIdEnd + 4 + EnvelopeFormat.NoncePrefixSize + EnvelopeFormat.NonceSize, EnvelopeFormat.KeySize);
        var tag = header.AsSpan(keyIdEnd + 4 + EnvelopeFormat.NoncePrefixSize + EnvelopeFormat.NonceSize + EnvelopeFormat.KeySize, EnvelopeFormat.TagSize);
        var dataKey = new byte[EnvelopeFormat.KeySize];
        try
        {
            using var wrap = new AesGcm(masterKey, EnvelopeFormat.TagSize);
            wrap.Decrypt(wrapNonce, wrapped, tag, dataKey, EnvelopeFormat.WrapAssociatedData(header, keyIdEnd, _objectKey));
            _aes = new AesGcm(dataKey, EnvelopeFormat.TagSize);
        }
        catch (CryptographicException e)
        {
            throw Failed("its data key does not unwrap under the configured master key", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }

        _chunkSize = (int)chunkSize;
        _associatedData = EnvelopeFormat.ChunkAssociatedDataPrefix(header, _objectKey);
        _cipher = new byte[_chunkSize + EnvelopeFormat.TagSize];
        _plain = new byte[_chunkSize];
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_aes is null)
        {
            await ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }

        while (_plainStart == _plainEnd)
        {
            if (_finished)
            {
                return 0;
            }

            await NextChunkAsync(cancellationToken).ConfigureAwait(false);
        }

        var count = Math.Min(buffer.Length, _plainEnd - _plainStart);
        _plain.AsMemory(_plainStart, count).CopyTo(buffer);
        _plainStart += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes?.Dispose();
            _ciphertext.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _aes?.Dispose();
        await _ciphertext.DisposeAsync().ConfigureAwait(false);
        CryptographicOperations.ZeroMemory(_plain);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one stored chunk. A full-size chunk is the last one only when nothing follows it (one byte is read
    /// ahead to know); the writer marked its last chunk in the associated data, so a guess that disagrees with
    /// the writer (a cut or an extension) fails the tag.
    /// </summary>
    private async Task NextChunkAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        if (_lookahead >= 0)
        {
            _cipher[0] = (byte)_lookahead;
            filled = 1;
            _lookahead = -1;
        }

        filled += await ReadFullyAsync(_cipher.AsMemory(filled), cancellationToken).ConfigureAwait(false);
        if (filled < EnvelopeFormat.TagSize)
        {
            throw Failed("it ends inside a chunk");
        }

        var last = filled < _cipher.Length;
        if (!last)
        {
            var one = new byte[1];
            last = await _ciphertext.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0;
            _lookahead = last ? -1 : one[0];
        }

        var length = filled - EnvelopeFormat.TagSize;
        EnvelopeFormat.ForChunk(_associatedData, _nonce, _noncePrefix, _index, last);
        try
        {
            _aes!.Decrypt(_nonce, _cipher.AsSpan(0, length), _cipher.AsSpan(length, EnvelopeFormat.TagSize), _plain.AsSpan(0, length), _associatedData);
        }
        catch (CryptographicException e)
        {
            CryptographicOperations.ZeroMemory(_plain);
            throw Failed($"chunk {_index} does not authenticate", e);
        }

        _plainStart = 0;
        _plainEnd = length;
        _finished = last;
        _index = _index == uint.MaxValue ? throw Failed("it has too many chunks") : _index + 1;
    }

    private async Task<int> ReadFullyAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await _ciphertext.ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>A key id from the stored bytes, shown only when it has the configured shape (untrusted bytes never reach a log).</summary>
    private static string SafeId(string keyId) =>
        System.Text.RegularExpressions.Regex.IsMatch(keyId, EnvelopeEncryptionOptions.KeyIdPattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)) ? keyId : "(malformed)";

    private ObjectStoreException Failed(string reason, Exception? inner = null) =>
        new(ObjectStoreFailureKind.DecryptionFailed, $"Object '{_objectKey}' failed decryption: {reason}.", inner);
}
