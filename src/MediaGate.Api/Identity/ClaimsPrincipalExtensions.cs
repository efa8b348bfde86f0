using System.Security.Claims;

namespace MediaGate.Api.Identity;

/// <summary>Reads MediaGate's claims (<see cref="MediaGateClaims"/>) from the signed-in principal.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The account id (<c>sub</c>), or null for the website or an anonymous caller.</summary>
    public static string? AccountId(this ClaimsPrincipal principal) => Find(principal, MediaGateClaims.Subject);

    /// <summary><c>manager</c>, <c>staff</c> or <c>parent</c>, or null.</summary>
    public static string? Role(this ClaimsPrincipal principal) => Find(principal, MediaGateClaims.Role);

    /// <summary>The registered device's id on a tablet token, or null.</summary>
    public static string? DeviceId(this ClaimsPrincipal principal) => Find(principal, MediaGateClaims.Device);

    /// <summary>The name of the website key used, or null.</summary>
    public static string? WebsiteKeyName(this ClaimsPrincipal principal) => Find(principal, MediaGateClaims.WebsiteKey);

    /// <summary>The token's id (<c>jti</c>), which signing out revokes, or null.</summary>
    public static string? TokenId(this ClaimsPrincipal principal) => Find(principal, MediaGateClaims.TokenId);

    /// <summary>The credential generation the token was issued under, or null when it does not say or is unreadable
    /// (such a token is refused: every token this service issues carries one).</summary>
    public static long? CredentialGeneration(this ClaimsPrincipal principal) =>
        Find(principal, MediaGateClaims.CredentialGeneration) is not { } text
            ? null
            : long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long generation) ? generation : null;

    /// <summary>When the token expires (<c>exp</c>), or null when it does not say.</summary>
    public static DateTimeOffset? ExpiresAt(this ClaimsPrincipal principal) =>
        long.TryParse(Find(principal, MediaGateClaims.Expires), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>How many claims of <paramref name="type"/> the principal carries (a forged token may repeat one).</summary>
    public static int CountOf(this ClaimsPrincipal principal, string type)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindAll(type).Count();
    }

    private static string? Find(ClaimsPrincipal principal, string type)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(type)?.Value;
    }
}
