namespace MediaGate.Storage.Hosting;

/// <summary>Where a store keeps its objects.</summary>
public enum ObjectStoreKind
{
    /// <summary>A local folder (<see cref="Folder.FolderObjectStore"/>): the default, one node.</summary>
    Folder,

    /// <summary>Azure Blob Storage (<see cref="AzureBlob.AzureBlobObjectStore"/>): several nodes share it.</summary>
    AzureBlob,
}
