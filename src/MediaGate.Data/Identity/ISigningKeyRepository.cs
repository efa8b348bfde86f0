namespace MediaGate.Data.Identity;

/// <summary>The token signing keys shared by every node.</summary>
public interface ISigningKeyRepository
{
    /// <summary>Every stored key, oldest <see cref="SigningKey.ActiveFrom"/> first.</summary>
    Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken = default);

    Task AddAsync(SigningKey key, CancellationToken cancellationToken = default);

    /// <summary>Deletes a retired key (no token it signed can still be valid).</summary>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);
}
