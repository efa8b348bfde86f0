namespace MediaGate.Gate.Worker;

/// <summary>
/// How long an item waits after an outage before it is tried again: doubling from <paramref name="first"/> with each
/// outage in a row, capped at <paramref name="cap"/>, and jittered to between half and all of that, so that the items of
/// one outage do not all come back at the same moment.
/// </summary>
public sealed class RetryBackoff(TimeSpan first, TimeSpan cap)
{
    /// <summary>The wait after the item's <paramref name="outages"/>-th outage in a row (0 for the first).</summary>
    /// <param name="outages">Outages the item had before this one.</param>
    /// <param name="jitter">A number in [0, 1).</param>
    public TimeSpan Delay(int outages, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outages);
        if (jitter is < 0 or >= 1 || double.IsNaN(jitter))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "jitter is in [0, 1)");
        }

        double grown = first.TotalMilliseconds * Math.Pow(2, Math.Min(outages, 30));
        double capped = Math.Min(grown, cap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * jitter)));
    }
}
