using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MediaGate.Storage.Encryption;

/// <summary>
/// Seals small secrets that must live in the database (the token signing keys) with the master key, so that a copy of
/// the database alone mints nothing (issue 13: the signing keys were stored in clear, and anyone who could read
/// <c>mediagate.db</c> could make a manager's token). AES-256-GCM under a key derived from the master key for one
/// purpose (HKDF-SHA256), bound to the purpose and the record's id as associated data, so a sealed value cannot be
/// moved to another record. The master key's id is written in the clear: after a master-key rotation, values sealed
/// with an older key open as long as that key is still configured (<see cref="EnvelopeEncryptionOptions.MasterKeys"/>).
/// Layout: "MGSK", version 1, key id length (1 byte), key id (UTF-8), nonce (12), ciphertext, tag (16).
/// </summary>
public sealed class SecretSealer
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Magic = "MGSK"u8.ToArray();

    private readonly MasterKeyRing _keys;

    public SecretSealer(EnvelopeEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = new MasterKeyRing(options);
    }

    /// <summary>The master key that seals new values.</summary>
    public string CurrentKeyId => _keys.CurrentKeyId;

    /// <summary>A 32-byte key for <paramref name="purpose"/> derived from master key <paramref name="masterKeyId"/>
    /// (never stored anywhere); null when that master key is not configured.</summary>
    public byte[]? DeriveKey(string purpose, string masterKeyId) =>
        _keys.Find(masterKeyId) is { } master ? DeriveKey(master, purpose) : null;

    /// <summary>True when <paramref name="stored"/> is in the sealed layout (else it is a value stored before sealing).</summary>
    public static bool IsSealed(ReadOnlySpan<byte> stored) => stored.Length > Magic.Length + 2 && stored[..Magic.Length].SequenceEqual(Magic);

    /// <summary>Seals <paramref name="secret"/> for <paramref name="purpose"/> and record <paramref name="id"/> with the current master key.</summary>
    public byte[] Seal(string purpose, string id, ReadOnlySpan<byte> secret)
    {
        var keyId = Encoding.UTF8.GetBytes(_keys.CurrentKeyId);
        if (keyId.Length > byte.MaxValue)
        {
            throw new InvalidOperationException("The master key id is longer than 255 bytes.");
        }

        var header = new byte[Magic.Length + 2 + keyId.Length];
        Magic.CopyTo(header, 0);
        header[Magic.Length] = Version;
        header[Magic.Length + 1] = (byte)keyId.Length;
        keyId.CopyTo(header, Magic.Length + 2);

        var sealedValue = new byte[header.Length + NonceSize + secret.Length + TagSize];
        header.CopyTo(sealedValue, 0);
        var nonce = sealedValue.AsSpan(header.Length, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(DeriveKey(_keys.CurrentKey, purpose), TagSize);
        aes.Encrypt(nonce, secret, sealedValue.AsSpan(header.Length + NonceSize, secret.Length), sealedValue.AsSpan(sealedValue.Length - TagSize),
            AssociatedData(header, purpose, id));
        return sealedValue;
    }

    /// <summary>Opens a sealed value; false when it is not sealed, names a master key that is not configured, or was
    /// altered or moved to another record.</summary>
    public bool TryOpen(string purpose, string id, ReadOnlySpan<byte> sealedValue, out byte[] secret)
    {
        secret = [];
        if (!IsSealed(sealedValue) || sealedValue[Magic.Length] != Version)
        {
            return false;
        }

        int keyIdLength = sealedValue[Magic.Length + 1];
        int headerLength = Magic.Length + 2 + keyIdLength;
        if (sealedValue.Length < headerLength + NonceSize + TagSize)
        {
            return false;
        }

        var header = sealedValue[..headerLength];
        if (_keys.Find(Encoding.UTF8.GetString(header[(Magic.Length + 2)..])) is not { } masterKey)
        {
            return false;
        }

        var nonce = sealedValue.Slice(headerLength, NonceSize);
        var ciphertext = sealedValue[(headerLength + NonceSize)..^TagSize];
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(DeriveKey(masterKey, purpose), TagSize);
        try
        {
            aes.Decrypt(nonce, ciphertext, sealedValue[^TagSize..], plaintext, AssociatedData(header, purpose, id));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        secret = plaintext;
        return true;
    }

    private static byte[] DeriveKey(byte[] masterKey, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, salt: [], info: Encoding.UTF8.GetBytes("MediaGate sealed secret v1: " + purpose));

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, string purpose, string id)
    {
        var purposeBytes = Encoding.UTF8.GetBytes(purpose);
        var idBytes = Encoding.UTF8.GetBytes(id);
        var data = new byte[header.Length + 4 + purposeBytes.Length + idBytes.Length];
        header.CopyTo(data);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(header.Length), purposeBytes.Length);
        purposeBytes.CopyTo(data, header.Length + 4);
        idBytes.CopyTo(data, header.Length + 4 + purposeBytes.Length);
        return data;
    }
}
