using System.Security.Claims;
using System.Text.Encodings.Web;
using MediaGate.Api.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Tests.Hosting;

/// <summary>
/// Stands in for the identity part (not merged into this branch yet) at its boundary: a request's
/// <c>Authorization: StandIn ROLE</c> header becomes a principal with that role and a subject id, and the
/// policies of <see cref="Policies"/> require the role. No header: 401; another role: 403.
/// </summary>
internal static class AuthorizationStandIn
{
    public const string SchemeName = "StandIn";
    public const string Subject = "0000000000000000000000000000aaaa";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, Handler>(SchemeName, null);
        services.AddAuthorization(o =>
        {
            o.AddPolicy(Policies.Manager, p => p.AddAuthenticationSchemes(SchemeName).RequireClaim(MediaGateClaims.Role, "manager"));
            o.AddPolicy(Policies.Parent, p => p.AddAuthenticationSchemes(SchemeName).RequireClaim(MediaGateClaims.Role, "parent"));
            o.AddPolicy(Policies.Tablet, p => p.AddAuthenticationSchemes(SchemeName).RequireClaim(MediaGateClaims.Role, "staff"));
        });
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            string? header = Request.Headers.Authorization;
            if (header is null || !header.StartsWith(SchemeName + " ", StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity(
                [new Claim(MediaGateClaims.Subject, Subject), new Claim(MediaGateClaims.Role, header[(SchemeName.Length + 1)..])], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
