using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Identity;
using MediaGate.Gate.Outcomes;
using MediaGate.Identity;

namespace MediaGate.Gate.Sessions;

/// <summary>
/// The signed-in caller's session (README, Sessions): who the token's account is, and signing the token out. Whether a
/// token stands and how one is issued are Identity's rules (<c>SessionTokenCheck</c>, <c>SignInFlow</c>); this only reads
/// the account and records the sign-out, which every node then refuses.
/// </summary>
public sealed class SessionRegister(IAccountRepository accounts, IRevokedTokenRepository revokedTokens, IAuditLog audit, TimeProvider time)
{
    /// <summary>The token's account; "not signed in" when it is gone (the token was checked against it on this request).</summary>
    public async Task<GateOutcome<Account>> AccountAsync(string? accountId, CancellationToken cancellationToken = default)
    {
        Account? account = accountId is null ? null : await accounts.FindAsync(accountId, cancellationToken).ConfigureAwait(false);
        return account is null ? GateProblem.NotSignedIn("The account is gone.") : account;
    }

    /// <summary>
    /// Signs the token out: its id is kept until it would have expired, and every node refuses it from the next request on.
    /// Audited (naming the tablet of a tablet session). Answers the account id.
    /// </summary>
    public async Task<GateOutcome<string>> SignOutAsync(
        string? accountId, string? tokenId, DateTimeOffset? expiresAt, string? deviceId, CancellationToken cancellationToken = default)
    {
        if (accountId is null || tokenId is null)
        {
            return GateProblem.NotSignedIn("The token has no id to sign out.");
        }

        DateTimeOffset now = time.GetUtcNow();
        // A token without an expiry would not have passed validation (RequireExpirationTime); keep the row a day if so.
        await revokedTokens.RevokeAsync(tokenId, accountId, expiresAt ?? now.AddDays(1), now, cancellationToken).ConfigureAwait(false);
        string? detail = deviceId is { } device ? JsonSerializer.Serialize(new { device }) : null;
        await audit.AppendAsync(new AuditEvent(accountId, IdentityAuditActions.SignedOut, accountId, detail), cancellationToken).ConfigureAwait(false);
        return accountId;
    }
}
