using MediaGate.Data.Identity;

namespace MediaGate.Identity.Tokens;

/// <summary>
/// Whether a signed, unexpired token still stands, read from the database on every request so that revocation takes
/// effect on the next one, on every node: it must not be signed out; its account must exist, be active, still have the
/// token's role and the credential generation the token was issued under; a tablet token's device must not be revoked.
/// </summary>
public sealed class SessionTokenCheck(IRevokedTokenRepository revokedTokens, IAccountRepository accounts, IDeviceRepository devices)
{
    /// <summary>Why the token no longer stands, or null when it does. Every claim is required: a missing one refuses.</summary>
    public async Task<string?> RefusalAsync(string? tokenId, string? accountId, string? role, long? credentialGeneration, string? deviceId, CancellationToken cancellationToken = default)
    {
        // Signed out (DELETE /api/session) on any node: refused from the next request on. Every token this service
        // issues has an id; one without cannot be signed out, so it is refused (fail closed).
        if (tokenId is null || await revokedTokens.IsRevokedAsync(tokenId, cancellationToken).ConfigureAwait(false))
        {
            return "The token was signed out.";
        }

        Account? account = accountId is null ? null : await accounts.FindAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (account is not { Active: true } || account.Role.ToText() != role)
        {
            return "The account is not active or its role changed.";
        }

        // A password or PIN changed since the token was issued (e.g. reset after a lost tablet or a leaked password):
        // the sessions signed in with the old secret end on the next request, on every node.
        if (credentialGeneration is not { } generation || generation != account.CredentialGeneration)
        {
            return "The account's password or PIN changed after this token was issued.";
        }

        if (deviceId is null)
        {
            return null;
        }

        Device? device = account.Role == AccountRole.Staff
            ? await devices.FindAsync(deviceId, cancellationToken).ConfigureAwait(false)
            : null;
        return device is { IsRevoked: false } ? null : "The device is not registered or was revoked.";
    }
}
