using System.Security.Claims;
using System.Text.Encodings.Web;
using MediaGate.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Identity;

/// <summary>
/// The website's scheme: the <c>X-Api-Key</c> header is hashed and looked up among the keys in use on every
/// request, so a key the manager revokes stops working at once.
/// </summary>
public sealed class WebsiteKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IWebsiteKeyRepository websiteKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(MediaGateSchemes.WebsiteKeyHeader, out var values) || values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        string? key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(key) || key.Length > SecretTokens.MaxLength)
        {
            return AuthenticateResult.Fail("Malformed website key.");
        }

        var found = await websiteKeys.FindInUseByHashAsync(SecretTokens.Hash(key), Context.RequestAborted).ConfigureAwait(false);
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked website key.");
        }

        var identity = new ClaimsIdentity([new Claim(MediaGateClaims.WebsiteKey, found.Name)], Scheme.Name, MediaGateClaims.WebsiteKey, MediaGateClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
