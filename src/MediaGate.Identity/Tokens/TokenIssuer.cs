using MediaGate.Data.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MediaGate.Identity.Tokens;

/// <summary>
/// Issues short-lived bearer tokens (JWT, HMAC-SHA256 with the current shared key). A token names the
/// account and its role, and on a tablet the device; never a parent's children (read per request).
/// </summary>
public sealed class TokenIssuer(SigningKeyRing keys, IOptions<IdentityOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<string> IssueAsync(Account account, string? deviceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        SymmetricSecurityKey key = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
        DateTime now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [MediaGateClaims.Subject] = account.Id,
            [MediaGateClaims.Role] = account.Role.ToText(),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            [MediaGateClaims.CredentialGeneration] = account.CredentialGeneration,
        };
        if (deviceId is not null)
        {
            claims[MediaGateClaims.Device] = deviceId;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.TokenLifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
