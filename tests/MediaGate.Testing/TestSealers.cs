using MediaGate.Storage.Encryption;

namespace MediaGate.Testing;

/// <summary>A sealer over one master key, as the service builds it from configuration.</summary>
internal static class TestSealers
{
    public static SecretSealer New(string base64Key, string keyId = "test")
    {
        var options = new EnvelopeEncryptionOptions { CurrentKeyId = keyId };
        options.MasterKeys.Add(new MasterKeyOptions { Id = keyId, Key = base64Key });
        return new SecretSealer(options);
    }
}
