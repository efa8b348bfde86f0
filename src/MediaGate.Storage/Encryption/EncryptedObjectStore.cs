namespace MediaGate.Storage.Encryption;

/// <summary>
/// Envelope encryption over any store (the master store): every object gets a fresh random 256-bit data key,
/// its content is encrypted with AES-GCM in authenticated chunks as it streams (<see cref="EnvelopeFormat"/>),
/// and the data key is wrapped with AES-GCM under the current master key, whose id is in the header so that
/// master keys can be rotated. Only ciphertext is ever handed to the inner store.
/// </summary>
public sealed class EncryptedObjectStore : IObjectStore
{
    private readonly IObjectStore _inner;
    private readonly MasterKeyRing _keys;
    private readonly int _chunkSize;

    /// <summary>Validates <paramref name="options"/> (throws ValidationException naming key ids, never keys).</summary>
    public EncryptedObjectStore(IObjectStore inner, EnvelopeEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        _inner = inner;
        _keys = new MasterKeyRing(options);
        _chunkSize = options.ChunkSize;
    }

    /// <summary>
    /// Encrypts and stores. The same plaintext again under the same key is <see cref="PutResult.AlreadyPresent"/>
    /// (the stored ciphertext differs, so the existing object is decrypted and compared); different plaintext is
    /// a <see cref="ObjectStoreFailureKind.Conflict"/>: a master is never replaced.
    /// </summary>
    public async Task<PutResult> PutAsync(ObjectKey key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(content);
        using var encrypting = new EncryptingStream(content, _keys.CurrentKeyId, _keys.CurrentKey, _chunkSize, key);
        try
        {
            return await _inner.PutAsync(key, encrypting, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectStoreException e) when (e.Kind == ObjectStoreFailureKind.Conflict && encrypting.PlaintextHash is not null)
        {
            var existing = await OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                throw;
            }

            await using (existing.ConfigureAwait(false))
            {
                var existingHash = await ContentHash.OfAsync(existing, cancellationToken).ConfigureAwait(false);
                if (!existingHash.AsSpan().SequenceEqual(encrypting.PlaintextHash))
                {
                    throw;
                }

                return PutResult.AlreadyPresent;
            }
        }
    }

    /// <summary>Opens and authenticates the header at once (a wrong or unknown master key fails here); chunks are checked as they are read.</summary>
    public async Task<Stream?> OpenReadAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var stored = await _inner.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var decrypting = new DecryptingStream(stored, _keys, key);
        try
        {
            await decrypting.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            return decrypting;
        }
        catch
        {
            await decrypting.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<bool> ExistsAsync(ObjectKey key, CancellationToken cancellationToken = default) => _inner.ExistsAsync(key, cancellationToken);

    public Task<bool> DeleteAsync(ObjectKey key, CancellationToken cancellationToken = default) => _inner.DeleteAsync(key, cancellationToken);

    public Task<StoreReadiness> CheckReadyAsync(CancellationToken cancellationToken = default) => _inner.CheckReadyAsync(cancellationToken);
}
