using System.ComponentModel.DataAnnotations;

namespace MediaGate.Storage.Encryption;

/// <summary>One master key: an id written into every object's header, and the key itself (secret).</summary>
public sealed class MasterKeyOptions
{
    /// <summary>The key's name (required): 1 to 64 of <c>A-Z a-z 0-9 . _ -</c>, e.g. <c>2026-11</c>. Not secret.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(EnvelopeEncryptionOptions.KeyIdPattern)]
    public string Id { get; set; } = "";

    /// <summary>The key (required, secret): 32 random bytes in base64, e.g. from <c>openssl rand -base64 32</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Key { get; set; } = "";

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"MasterKey {Id}";
}
