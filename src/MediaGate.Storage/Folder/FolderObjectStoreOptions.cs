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

    /// <summary>
    /// Minutes a temporary file may go unwritten before the start-up sweep deletes it whoever wrote it (another
    /// node's put in progress writes continuously; a dead process's file of this host goes at once). Default 60; 1 to 10080.
    /// </summary>
    [Range(1, 10_080)]
    public int TemporaryFileMaxAgeMinutes { get; set; } = 60;

    /// <summary>
    /// Free bytes the folder's file system must keep for the store to count as ready (<c>/health/ready</c>, issue 13): a
    /// load balancer stops sending uploads before the disk is full. Default 256 MiB; 0 turns the check off.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MinFreeBytes { get; set; } = 256L * 1024 * 1024;
}
