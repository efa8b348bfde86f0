using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MediaGate.Api.Identity;

/// <summary>
/// The bearer handler's hooks: before validation, makes sure the signing keys another node may have added are loaded;
/// after it, refuses a token whose claims are not one account and one role, then asks <see cref="SessionTokenCheck"/>
/// whether the token still stands.
/// </summary>
public sealed class TokenValidationEvents(SessionTokenCheck check, SigningKeyRing keys) : JwtBearerEvents
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

        string? refusal = await check.RefusalAsync(principal.TokenId(), principal.AccountId(), principal.Role(), principal.CredentialGeneration(),
            principal.DeviceId(), context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (refusal is not null)
        {
            context.Fail(refusal);
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
