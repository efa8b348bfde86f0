using System.Security.Claims;
using System.Text.Encodings.Web;
using MediaGate.Identity.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Testing.Hosting;

/// <summary>
/// Signs a request in from two test headers (account id and role): a stand-in for the identity part's bearer
/// tokens at the boundary, so the endpoints' own binding, status codes and shapes are tested over real HTTP.
/// The service's own schemes forward to it when a request carries the headers (<see cref="Selector"/>).
/// </summary>
internal sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeaders";
    public const string AccountHeader = "X-Test-Account";
    public const string RoleHeader = "X-Test-Role";

    /// <summary>This scheme for a request with the test headers, else the scheme's own handling.</summary>
    public static string? Selector(HttpContext context) =>
        context.Request.Headers.ContainsKey(AccountHeader) ? SchemeName : null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AccountHeader, out var account) || !Request.Headers.TryGetValue(RoleHeader, out var role))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // The website signs in with a key, not an account: its name stands in the key's claim.
        Claim[] claims = role.ToString() == "website"
            ? [new Claim(MediaGateClaims.WebsiteKey, account.ToString())]
            : [new Claim(MediaGateClaims.Subject, account.ToString()), new Claim(MediaGateClaims.Role, role.ToString())];
        var identity = new ClaimsIdentity(claims, SchemeName, MediaGateClaims.Subject, MediaGateClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
