using System.ComponentModel.DataAnnotations;

namespace MediaGate.Storage.Encryption;

/// <summary>
/// Options of <see cref="EncryptedObjectStore"/> (bind with ValidateDataAnnotations().ValidateOnStart()).
/// To rotate: add a new key to <see cref="MasterKeys"/>, make it <see cref="CurrentKeyId"/>, and keep the old
/// ones listed for as long as objects written under them must be read. Validation messages name key ids only,
/// never key material.
/// </summary>
public sealed class EnvelopeEncryptionOptions : IValidatableObject
{
    internal const string KeyIdPattern = @"^[A-Za-z0-9._-]{1,64}\z";
    internal const int MinimumChunkSize = 4096;
    internal const int MaximumChunkSize = 1 << 20;

    /// <summary>The id of the key that wraps new objects' data keys (required; must be one of <see cref="MasterKeys"/>).</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(KeyIdPattern)]
    public string CurrentKeyId { get; set; } = "";

    /// <summary>Every master key that may be needed to read (required, at least one): the current one and older ones.</summary>
    [MinLength(1)]
    public IList<MasterKeyOptions> MasterKeys { get; } = new List<MasterKeyOptions>();

    /// <summary>Plaintext bytes per authenticated chunk of new objects; default 65,536 (64 KiB), 4 KiB to 1 MiB.</summary>
    [Range(MinimumChunkSize, MaximumChunkSize)]
    public int ChunkSize { get; set; } = 64 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in MasterKeys)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(key, new ValidationContext(key), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return result;
                }

                continue;
            }

            if (!ids.Add(key.Id))
            {
                yield return new ValidationResult($"Master key id '{key.Id}' is listed twice.", [nameof(MasterKeys)]);
            }

            if (MasterKeyRing.DecodeKey(key.Key) is null)
            {
                yield return new ValidationResult($"Master key '{key.Id}' is not 32 bytes in base64.", [nameof(MasterKeys)]);
            }
        }

        if (!ids.Contains(CurrentKeyId))
        {
            yield return new ValidationResult($"The current master key id '{CurrentKeyId}' is not among the master keys.", [nameof(CurrentKeyId)]);
        }
    }
}
