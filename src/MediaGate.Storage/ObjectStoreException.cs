namespace MediaGate.Storage;

/// <summary>
/// A typed store failure. Messages never carry secrets (connection strings, keys) or object contents; they may
/// name the object key, which is not secret.
/// </summary>
public sealed class ObjectStoreException : Exception
{
    public ObjectStoreException(ObjectStoreFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    public ObjectStoreException()
        : this(ObjectStoreFailureKind.Unavailable, "The object store failed.")
    {
    }

    public ObjectStoreException(string message)
        : this(ObjectStoreFailureKind.Unavailable, message)
    {
    }

    public ObjectStoreException(string message, Exception innerException)
        : this(ObjectStoreFailureKind.Unavailable, message, innerException)
    {
    }

    public ObjectStoreFailureKind Kind { get; }
}
