namespace MediaGate.Gate.Tests.Support;

/// <summary>
/// Another clock's time, which on its <paramref name="onRead"/>-th reading first runs an action (once): a use case
/// that reads the clock right after loading the consent matrix is interrupted there, at a known point of its work.
/// </summary>
internal sealed class ClockThatRunsOnce(TimeProvider inner, int onRead, Action action) : TimeProvider
{
    private int _reads;

    public bool HasRun => Volatile.Read(ref _reads) >= onRead;

    public override DateTimeOffset GetUtcNow()
    {
        if (Interlocked.Increment(ref _reads) == onRead)
        {
            action();
        }

        return inner.GetUtcNow();
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
}
