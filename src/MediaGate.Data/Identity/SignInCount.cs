namespace MediaGate.Data.Identity;

/// <summary>A key's attempts in its current window, this one included, and its lock-out if any.</summary>
public sealed record SignInCount(long Attempts, DateTimeOffset? LockedUntil)
{
    /// <summary>Whether this attempt is past the limit and must be refused without checking credentials.</summary>
    public bool IsOverLimit(SignInLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return Attempts > limit.MaxFailures;
    }

    /// <summary>Whether this attempt is the one that locked the key (audited once).</summary>
    public bool ReachedLimit(SignInLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return Attempts == limit.MaxFailures;
    }
}
