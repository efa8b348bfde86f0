using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary>
/// Signs a request in from two test headers (account id and role): a stand-in for the identity part's bearer
/// tokens at the boundary, so the endpoints' own binding, status codes and shapes are tested over real HTTP.
/// </summary>
internal sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeaders";
    public const string AccountHeader = "X-Test-Account";
    public const string RoleHeader = "X-Test-Role";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AccountHeader, out var account) || !Request.Headers.TryGetValue(RoleHeader, out var role))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity(
            [new Claim(MediaGateClaims.Subject, account.ToString()), new Claim(MediaGateClaims.Role, role.ToString())], SchemeName, MediaGateClaims.Subject, MediaGateClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
