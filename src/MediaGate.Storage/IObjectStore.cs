namespace MediaGate.Storage;

/// <summary>
/// A store of immutable objects by key: the master store (encrypted, <see cref="Encryption.EncryptedObjectStore"/>) and
/// the rendition store. Objects are write-once: a put of a key that exists succeeds only when the content is
/// byte-for-byte the same (<see cref="PutResult.AlreadyPresent"/>), and is refused with
/// <see cref="ObjectStoreFailureKind.Conflict"/> otherwise, so a master can never be replaced. A changed
/// rendition is written under a new key (e.g. with a revision in it) and the old one deleted.
/// </summary>
public interface IObjectStore
{
    /// <summary>
    /// Streams <paramref name="content"/> to the key. When this returns, the object is complete and durable; no
    /// reader ever sees a partly written object.
    /// </summary>
    /// <exception cref="ObjectStoreException">Conflict (different content under the key), Unavailable, UnsafePath.</exception>
    Task<PutResult> PutAsync(ObjectKey key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the object for reading, or returns null when there is none. The stream is read lazily; the caller
    /// disposes it. An encrypted store's stream throws <see cref="ObjectStoreFailureKind.DecryptionFailed"/>
    /// at the first byte that does not authenticate, at the latest at its end: read to the end before trusting it.
    /// </summary>
    Task<Stream?> OpenReadAsync(ObjectKey key, CancellationToken cancellationToken = default);

    /// <summary>Whether an object exists under the key.</summary>
    Task<bool> ExistsAsync(ObjectKey key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; true when one was deleted, false when there was none.</summary>
    Task<bool> DeleteAsync(ObjectKey key, CancellationToken cancellationToken = default);

    /// <summary>A cheap probe for <c>/health/ready</c>: can the store be reached and written? Never throws.</summary>
    Task<StoreReadiness> CheckReadyAsync(CancellationToken cancellationToken = default);
}
