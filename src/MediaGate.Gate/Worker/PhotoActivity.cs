namespace MediaGate.Gate.Worker;

/// <summary>
/// The photos this node is processing now, and when the last one ended: the video lane starts a clip in a quiet moment
/// (<see cref="Video.VideoServiceOptions.YieldToPhotosSeconds"/>), so a clip's ffmpeg runs do not take the cores and the
/// memory a burst of photos is using (issue 14: video at a lower priority than photos). Thread-safe.
/// </summary>
public sealed class PhotoActivity(TimeProvider time)
{
    private int _inFlight;
    private long _lastEnd = long.MinValue;

    /// <summary>Marks one photo as being processed until the result is disposed.</summary>
    public IDisposable Begin()
    {
        Interlocked.Increment(ref _inFlight);
        return new Running(this);
    }

    /// <summary>Whether a photo is being processed now, or one ended less than <paramref name="quiet"/> ago.</summary>
    public bool Busy(TimeSpan quiet)
    {
        if (Volatile.Read(ref _inFlight) > 0)
        {
            return true;
        }

        long lastEnd = Interlocked.Read(ref _lastEnd);
        return lastEnd != long.MinValue && time.GetUtcNow().UtcTicks - lastEnd < quiet.Ticks;
    }

    private void End()
    {
        Interlocked.Exchange(ref _lastEnd, time.GetUtcNow().UtcTicks);
        Interlocked.Decrement(ref _inFlight);
    }

    private sealed class Running(PhotoActivity activity) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                activity.End();
            }
        }
    }
}
