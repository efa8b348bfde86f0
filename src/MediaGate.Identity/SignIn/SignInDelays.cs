using MediaGate.Data.Identity;

namespace MediaGate.Identity.SignIn;

/// <summary>
/// Growing delays: <paramref name="FreeFailures"/> attempts go through at once; after the n-th attempt (n at least
/// FreeFailures) the next must wait <paramref name="FirstDelay"/> doubled n − FreeFailures times, at most
/// <paramref name="MaxDelay"/>. A key quiet for <paramref name="QuietWindow"/> after its last attempt or wait starts again.
/// The settings come from <see cref="IdentityOptions"/>, which keeps them in range (at least one free attempt, a first
/// delay of at least a second).
/// </summary>
public sealed record SignInDelays(int FreeFailures, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan QuietWindow) : ISignInWaits
{
    /// <summary>The wait after the <paramref name="attempts"/>-th counted attempt (zero before the free ones are used up).</summary>
    public TimeSpan DelayAfter(long attempts)
    {
        if (attempts < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        long doublings = Math.Min(attempts - FreeFailures, 40);
        double seconds = FirstDelay.TotalSeconds * Math.Pow(2, doublings);
        return seconds >= MaxDelay.TotalSeconds ? MaxDelay : TimeSpan.FromSeconds(seconds);
    }
}
