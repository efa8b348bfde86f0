namespace MediaGate.Storage;

/// <summary>What <see cref="IObjectStore.PutAsync"/> did.</summary>
public enum PutResult
{
    /// <summary>The object was written and is durable.</summary>
    Created,

    /// <summary>An object with the same key and the same content was already there; nothing was changed.</summary>
    AlreadyPresent,
}
