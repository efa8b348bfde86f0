namespace MediaGate.Data.Identity;

/// <summary>
/// Bearer tokens signed out before they expire (README, <c>DELETE /api/session</c>), by token id (<c>jti</c>).
/// Shared through the database, so that every node refuses a signed-out token from the next request on.
/// </summary>
public interface IRevokedTokenRepository
{
    /// <summary>
    /// Records the token as signed out (again is not an error) and forgets tokens that have expired anyway, which
    /// keeps the table to the tokens that could still be presented.
    /// </summary>
    Task RevokeAsync(string tokenId, string accountId, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Whether the token was signed out.</summary>
    Task<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken = default);
}
