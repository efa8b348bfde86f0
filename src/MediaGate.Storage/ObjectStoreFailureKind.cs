namespace MediaGate.Storage;

/// <summary>Why a store operation failed (<see cref="ObjectStoreException.Kind"/>).</summary>
public enum ObjectStoreFailureKind
{
    /// <summary>The key breaks the key rules (<see cref="ObjectKey"/>).</summary>
    InvalidKey,

    /// <summary>An object already exists under the key with different content; stores never overwrite.</summary>
    Conflict,

    /// <summary>The backing store could not be reached or kept failing after retries, or its circuit is open.</summary>
    Unavailable,

    /// <summary>An encrypted object failed authentication: tampered, truncated, extended, moved, or a wrong or unknown master key.</summary>
    DecryptionFailed,

    /// <summary>The store refused the path: a symbolic link, or something that is not a regular file or folder, under its root.</summary>
    UnsafePath,
}
