namespace MediaGate.Data.Identity;

/// <summary>The website's API keys.</summary>
public interface IWebsiteKeyRepository
{
    /// <summary>Adds the key; false when a key in use already has that name.</summary>
    Task<bool> AddAsync(WebsiteKey key, CancellationToken cancellationToken = default);

    /// <summary>The key in use whose hash this is, or null (unknown or revoked).</summary>
    Task<WebsiteKey?> FindInUseByHashAsync(string keyHash, CancellationToken cancellationToken = default);

    /// <summary>Every key, revoked ones too, oldest first.</summary>
    Task<IReadOnlyList<WebsiteKey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes the key in use with that name (<see cref="Revocation.NotFound"/> when none is in use).</summary>
    Task<Revocation> RevokeAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default);
}
