using MediaGate.Data;
using MediaGate.Data.Identity;
using MediaGate.Gate.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MediaGate.Api.Identity;

/// <summary>Registers MediaGate's identities: schemes, the policies, sign-in and the first-manager bootstrap.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Bearer tokens (JWT, keys shared through the database) and the website's <c>X-Api-Key</c>; the policies of
    /// <see cref="Policies"/>; options <c>Identity:*</c> validated at start. Expects a <c>MediaGateDatabase</c> (its
    /// repositories are registered here, each on its own) and a <see cref="TimeProvider"/> registered by the host.
    /// </summary>
    public static IServiceCollection AddMediaGateIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IdentityOptions>()
            .Bind(configuration.GetSection(IdentityOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        AddRepositories(services);
        services.AddSingleton<CredentialHasher>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<WorkingHours>();
        services.AddScoped<SignInFlow>();
        services.AddSingleton<FailureAuditBudget>();
        services.AddScoped<SessionTokenCheck>();
        services.AddScoped<TokenValidationEvents>();
        services.AddSingleton<IdentityBootstrap>();
        services.AddHostedService(sp => sp.GetRequiredService<IdentityBootstrap>());

        services.AddAuthentication(MediaGateSchemes.Bearer)
            .AddJwtBearer(MediaGateSchemes.Bearer)
            .AddScheme<AuthenticationSchemeOptions, WebsiteKeyAuthenticationHandler>(MediaGateSchemes.WebsiteKey, null);
        services.AddOptions<JwtBearerOptions>(MediaGateSchemes.Bearer)
            .Configure<SigningKeyRing, IOptions<IdentityOptions>, TimeProvider>(ConfigureBearer);

        services.AddSingleton<IAuthorizationHandler, WorkingHoursAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Manager, p => p.AddAuthenticationSchemes(MediaGateSchemes.Bearer)
                .RequireClaim(MediaGateClaims.Role, AccountRoles.Manager))
            .AddPolicy(Policies.Parent, p => p.AddAuthenticationSchemes(MediaGateSchemes.Bearer)
                .RequireClaim(MediaGateClaims.Role, AccountRoles.Parent))
            .AddPolicy(Policies.Tablet, p => p.AddAuthenticationSchemes(MediaGateSchemes.Bearer)
                .RequireClaim(MediaGateClaims.Role, AccountRoles.Staff)
                .RequireClaim(MediaGateClaims.Device)
                .AddRequirements(new WorkingHoursRequirement()))
            .AddPolicy(Policies.SignedIn, p => p.AddAuthenticationSchemes(MediaGateSchemes.Bearer)
                .RequireClaim(MediaGateClaims.Role, AccountRoles.Manager, AccountRoles.Staff, AccountRoles.Parent))
            .AddPolicy(Policies.Website, p => p.AddAuthenticationSchemes(MediaGateSchemes.WebsiteKey)
                .RequireClaim(MediaGateClaims.WebsiteKey));
        return services;
    }

    /// <summary>The repositories sign-in and tokens use, each on its own: the shared ones and identity's own three.</summary>
    private static void AddRepositories(IServiceCollection services)
    {
        services.AddMediaGateRepositories();
        services.TryAddSingleton(provider => provider.GetRequiredService<MediaGateDatabase>().SigningKeys);
        services.TryAddSingleton(provider => provider.GetRequiredService<MediaGateDatabase>().SignInThrottle);
        services.TryAddSingleton(provider => provider.GetRequiredService<MediaGateDatabase>().RevokedTokens);
    }

    private static void ConfigureBearer(JwtBearerOptions bearer, SigningKeyRing keys, IOptions<IdentityOptions> options, TimeProvider time)
    {
        IdentityOptions identity = options.Value;
        bearer.MapInboundClaims = false;
        bearer.EventsType = typeof(TokenValidationEvents);
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = identity.Issuer,
            ValidAudience = identity.Audience,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            IssuerSigningKeyResolver = (_, _, keyId, _) => keys.ValidationKeys(keyId),
            NameClaimType = MediaGateClaims.Subject,
            RoleClaimType = MediaGateClaims.Role,
            ClockSkew = identity.ClockSkew,

            // The library checks lifetimes against the machine clock; this checks them against the service's
            // TimeProvider, so that expiry is the same rule in tests (a fake clock) and in production.
            // It also caps the lifetime: a token must say when it starts, and may not last longer than this service issues
            // tokens for (a leaked key must not mint a ten-year token).
            LifetimeValidator = (notBefore, expires, _, parameters) =>
                TokenLifetimeRule.IsValid(notBefore, expires, time.GetUtcNow().UtcDateTime, identity.TokenLifetime, parameters.ClockSkew),
        };
    }
}
