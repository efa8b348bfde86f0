using System.ComponentModel.DataAnnotations;

namespace MediaGate.Storage.Encryption;

/// <summary>The decoded master keys by id, and which one wraps new data keys.</summary>
internal sealed class MasterKeyRing
{
    private readonly Dictionary<string, byte[]> _keys;

    public MasterKeyRing(EnvelopeEncryptionOptions options)
    {
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        _keys = options.MasterKeys.ToDictionary(k => k.Id, k => DecodeKey(k.Key)!, StringComparer.Ordinal);
        CurrentKeyId = options.CurrentKeyId;
    }

    public string CurrentKeyId { get; }

    public byte[] CurrentKey => _keys[CurrentKeyId];

    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>The 32 bytes of a base64 key, or null when it is not exactly that.</summary>
    public static byte[]? DecodeKey(string? base64)
    {
        var buffer = new byte[EnvelopeFormat.KeySize];
        return base64 is not null && Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == EnvelopeFormat.KeySize
            ? buffer
            : null;
    }
}
