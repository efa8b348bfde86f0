using System.ComponentModel.DataAnnotations;

namespace MediaGate.Storage.AzureBlob;

/// <summary>Options of <see cref="AzureBlobObjectStore"/> (bind with ValidateDataAnnotations().ValidateOnStart()).</summary>
public sealed class AzureBlobObjectStoreOptions : IValidatableObject
{
    /// <summary>
    /// The storage account's connection string (required, secret: never logged, never in an exception). For
    /// Azurite: <c>DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=…;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "";

    /// <summary>The container (required; created on first use): 3 to 63 of lowercase letters, digits and single hyphens.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(@"^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]\z")]
    public string ContainerName { get; set; } = "";

    /// <summary>
    /// Bytes per uploaded block, and the largest object sent in one request; default 4 MiB, 64 KiB to 64 MiB.
    /// One block is held in memory per put, so a failed block is retried without re-reading the source.
    /// </summary>
    [Range(64 * 1024, 64 * 1024 * 1024)]
    public int BlockSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Retries, timeouts and circuit breaker.</summary>
    public BlobResilienceOptions Resilience { get; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Resilience, new ValidationContext(Resilience), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult($"{nameof(Resilience)}: {r.ErrorMessage}", r.MemberNames.Select(m => $"{nameof(Resilience)}.{m}")));
    }

    /// <summary>Never prints the connection string.</summary>
    public override string ToString() => $"AzureBlob container {ContainerName}";
}
