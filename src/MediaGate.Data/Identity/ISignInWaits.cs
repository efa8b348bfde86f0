namespace MediaGate.Data.Identity;

/// <summary>
/// What the sign-in counters' store asks of the delay rule (the rule itself lives with the sign-in rules): the wait
/// after a key's n-th counted attempt, and how long a key must be quiet before its count starts again.
/// </summary>
public interface ISignInWaits
{
    /// <summary>How long a key must be quiet, after its last attempt or wait, before its count starts again.</summary>
    TimeSpan QuietWindow { get; }

    /// <summary>The wait after the <paramref name="attempts"/>-th counted attempt (zero: none).</summary>
    TimeSpan DelayAfter(long attempts);
}
