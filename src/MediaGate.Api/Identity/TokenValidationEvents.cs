using MediaGate.Data;
using MediaGate.Data.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MediaGate.Api.Identity;

/// <summary>
/// Checks each bearer token against the database, so that revocation takes effect on the next request: the
/// token must not be signed out; the account must exist, be active, still have the token's role and the credential
/// generation the token was issued under; a tablet token's device must not be revoked.
/// Before validation, makes sure the signing keys another node may have added are loaded.
/// </summary>
public sealed class TokenValidationEvents(MediaGateDatabase database, SigningKeyRing keys) : JwtBearerEvents
{
    private const string BearerPrefix = "Bearer ";

    public override async Task MessageReceived(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? header = context.Request.Headers.Authorization;
        string? keyId = null;
        if (header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            string token = header[BearerPrefix.Length..].Trim();
            keyId = KeyIdOf(token);
        }

        await keys.PrepareToValidateAsync(keyId, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal)
        {
            context.Fail("No principal.");
            return;
        }

        // Exactly one subject and one role: a token that also claims "manager" beside its own role would otherwise pass the
        // manager policy (IsInRole looks at every role claim) while the account check reads only the first.
        if (principal.CountOf(MediaGateClaims.Subject) != 1 || principal.CountOf(MediaGateClaims.Role) != 1 || principal.CountOf(MediaGateClaims.Device) > 1)
        {
            context.Fail("The token must name exactly one account and one role.");
            return;
        }

        string? accountId = principal.AccountId();
        var cancellationToken = context.HttpContext.RequestAborted;

        // Signed out (DELETE /api/session) on any node: refused from the next request on. Every token this service
        // issues has an id; one without cannot be signed out, so it is refused (fail closed).
        string? tokenId = principal.TokenId();
        if (tokenId is null || await database.RevokedTokens.IsRevokedAsync(tokenId, cancellationToken).ConfigureAwait(false))
        {
            context.Fail("The token was signed out.");
            return;
        }

        Account? account = accountId is null ? null : await database.Accounts.FindAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (account is not { Active: true } || account.Role.ToText() != principal.Role())
        {
            context.Fail("The account is not active or its role changed.");
            return;
        }

        // A password or PIN changed since the token was issued (e.g. reset after a lost tablet or a leaked password):
        // the sessions signed in with the old secret end on the next request, on every node.
        if (principal.CredentialGeneration() is not { } generation || generation != account.CredentialGeneration)
        {
            context.Fail("The account's password or PIN changed after this token was issued.");
            return;
        }

        string? deviceId = principal.DeviceId();
        if (deviceId is null)
        {
            return;
        }

        Device? device = account.Role == AccountRole.Staff
            ? await database.Devices.FindAsync(deviceId, cancellationToken).ConfigureAwait(false)
            : null;
        if (device is not { IsRevoked: false })
        {
            context.Fail("The device is not registered or was revoked.");
        }
    }

    /// <summary>The header's key id, or null for anything unreadable (the handler then rejects it with 401).</summary>
    private static string? KeyIdOf(string token)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return handler.ReadJsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            // SecurityTokenMalformedException and friends: the shape looked right, the content did not.
            return null;
        }
    }
}
