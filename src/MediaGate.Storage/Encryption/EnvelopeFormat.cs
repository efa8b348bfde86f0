using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MediaGate.Storage.Encryption;

/// <summary>
/// The layout of an encrypted object (version 1). Header:
/// <code>
/// "MGEV" | version (1 byte) | key id length n (1) | key id (n, ASCII) | chunk size (uint32 BE)
///        | nonce prefix (8) | wrap nonce (12) | wrapped data key (32) | wrap tag (16)
/// </code>
/// then chunks, each <c>AES-GCM(data key, nonce = prefix | chunk index as uint32 BE)</c> of chunk-size plaintext
/// bytes (the last one 0 to chunk size) followed by its 16-byte tag. The data key is wrapped under the master key
/// with the header up to the wrap nonce plus the object key as associated data. Every chunk's associated data is
/// the whole header, the object key, the chunk index and a last-chunk flag: so a changed header, chunks
/// reordered, an object cut at a chunk boundary or extended, or bytes moved to another key all fail a tag.
/// </summary>
internal static class EnvelopeFormat
{
    public const int KeySize = 32;
    public const int TagSize = 16;
    public const int NonceSize = 12;
    public const int NoncePrefixSize = 8;
    public const byte Version = 1;
    public const int FixedStartSize = 6; // magic, version, key id length
    public static ReadOnlySpan<byte> Magic => "MGEV"u8;

    /// <summary>Header bytes after the key id: chunk size, nonce prefix, wrap nonce, wrapped key, wrap tag.</summary>
    public const int FixedEndSize = 4 + NoncePrefixSize + NonceSize + KeySize + TagSize;

    /// <summary>Builds the header for a new object, wrapping <paramref name="dataKey"/> under the master key.</summary>
    public static byte[] WriteHeader(string keyId, byte[] masterKey, int chunkSize, ReadOnlySpan<byte> noncePrefix, ReadOnlySpan<byte> dataKey, ObjectKey objectKey)
    {
        var id = Encoding.ASCII.GetBytes(keyId);
        var header = new byte[FixedStartSize + id.Length + FixedEndSize];
        Magic.CopyTo(header);
        header[4] = Version;
        header[5] = (byte)id.Length;
        id.CopyTo(header, FixedStartSize);
        var at = FixedStartSize + id.Length;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(at), (uint)chunkSize);
        noncePrefix.CopyTo(header.AsSpan(at + 4));
        var wrapNonce = header.AsSpan(at + 4 + NoncePrefixSize, NonceSize);
        RandomNumberGenerator.Fill(wrapNonce);
        var wrapped = header.AsSpan(at + 4 + NoncePrefixSize + NonceSize, KeySize);
        var tag = header.AsSpan(at + 4 + NoncePrefixSize + NonceSize + KeySize, TagSize);
        using var aes = new AesGcm(masterKey, TagSize);
        aes.Encrypt(wrapNonce, dataKey, wrapped, tag, WrapAssociatedData(header, at, objectKey));
        return header;
    }

    /// <summary>The associated data of the key wrap: the header up to and including the wrap nonce, then the object key.</summary>
    public static byte[] WrapAssociatedData(ReadOnlySpan<byte> header, int keyIdEnd, ObjectKey objectKey)
    {
        var covered = header[..(keyIdEnd + 4 + NoncePrefixSize + NonceSize)];
        return [.. covered, .. Encoding.ASCII.GetBytes(objectKey.Value)];
    }

    /// <summary>The fixed part of every chunk's associated data: the whole header, the object key's length and bytes; index and flag follow.</summary>
    public static byte[] ChunkAssociatedDataPrefix(ReadOnlySpan<byte> header, ObjectKey objectKey)
    {
        var key = Encoding.ASCII.GetBytes(objectKey.Value);
        var data = new byte[header.Length + 2 + key.Length + 8 + 1];
        header.CopyTo(data);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(header.Length), (ushort)key.Length);
        key.CopyTo(data, header.Length + 2);
        return data;
    }

    /// <summary>Fills the chunk-specific tail of the associated data (index, last flag) and the nonce.</summary>
    public static void ForChunk(byte[] associatedData, Span<byte> nonce, ReadOnlySpan<byte> noncePrefix, uint index, bool last)
    {
        BinaryPrimitives.WriteUInt64BigEndian(associatedData.AsSpan(associatedData.Length - 9), index);
        associatedData[^1] = last ? (byte)1 : (byte)0;
        noncePrefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[NoncePrefixSize..], index);
    }
}
