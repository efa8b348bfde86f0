namespace MediaGate.Identity.Tokens;

/// <summary>
/// When a bearer token may be used: it names its start (<c>nbf</c>) and end (<c>exp</c>), the service's clock is
/// between them (within the clock skew), and it lasts no longer than the service issues tokens for
/// (<see cref="IdentityOptions.TokenLifetime"/>), so that a token minted with a leaked key cannot outlive a day's work.
/// </summary>
public static class TokenLifetimeRule
{
    public static bool IsValid(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan lifetime, TimeSpan clockSkew) =>
        notBefore is { } start
        && expires is { } end
        && end > start
        && end - start <= lifetime + clockSkew
        && now >= start - clockSkew
        && now < end + clockSkew;
}
