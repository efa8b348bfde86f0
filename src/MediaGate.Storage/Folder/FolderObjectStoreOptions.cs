using System.ComponentModel.DataAnnotations;

namespace MediaGate.Storage.Folder;

/// <summary>Options of <see cref="FolderObjectStore"/> (bind with ValidateDataAnnotations().ValidateOnStart()).</summary>
public sealed class FolderObjectStoreOptions
{
    /// <summary>
    /// The folder that holds the objects (required; created when missing). Absolute, or relative to the
    /// working folder. Nothing else should write there: a symbolic link under it makes the store refuse the path.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string RootPath { get; set; } = "";
}
