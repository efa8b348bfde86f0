using System.ComponentModel.DataAnnotations;
using MediaGate.Storage.AzureBlob;
using MediaGate.Storage.Folder;

namespace MediaGate.Storage.Hosting;

/// <summary>
/// One store's configuration (<c>Storage:Master</c> or <c>Storage:Renditions</c>): which kind, and that kind's
/// options. Only the chosen kind's section is required and validated.
/// </summary>
public sealed class ObjectStoreOptions : IValidatableObject
{
    /// <summary>Folder (default) or AzureBlob.</summary>
    [EnumDataType(typeof(ObjectStoreKind))]
    public ObjectStoreKind Kind { get; set; } = ObjectStoreKind.Folder;

    /// <summary>Used when <see cref="Kind"/> is Folder.</summary>
    public FolderObjectStoreOptions Folder { get; } = new();

    /// <summary>Used when <see cref="Kind"/> is AzureBlob.</summary>
    public AzureBlobObjectStoreOptions AzureBlob { get; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        object chosen = Kind == ObjectStoreKind.AzureBlob ? AzureBlob : Folder;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(chosen, new ValidationContext(chosen), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult($"{Kind}: {r.ErrorMessage}", r.MemberNames.Select(m => $"{Kind}.{m}")));
    }
}
