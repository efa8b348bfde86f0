namespace MediaGate.Ingest.Concurrency;

/// <summary>
/// Lets several photos go through the gate at once while the pixels in flight stay within a bound, so that
/// peak memory stays bounded whatever the batch holds (issue 6: "use both cores ... within the memory
/// bound"). A photo is admitted when the pixels already admitted plus its own fit the capacity, or when
/// nothing else is in flight (a photo larger than the capacity runs alone rather than never).
/// </summary>
public sealed class PixelBudget
{
    private readonly object _gate = new();
    private long _inFlight;
    private int _holders;

    /// <param name="capacity">Pixels that may be in flight at once (width x height summed over photos).</param>
    public PixelBudget(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public long Capacity { get; }

    /// <summary>Pixels admitted now.</summary>
    public long InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Blocks until <paramref name="pixels"/> fit; dispose the lease to give them back.</summary>
    public Lease Acquire(long pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixels);
        lock (_gate)
        {
            while (_holders > 0 && _inFlight + pixels > Capacity)
            {
                Monitor.Wait(_gate);
            }

            _inFlight += pixels;
            _holders++;
        }

        return new Lease(this, pixels);
    }

    private void Release(long pixels)
    {
        lock (_gate)
        {
            _inFlight -= pixels;
            _holders--;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Pixels held by one photo; disposing gives them back once.</summary>
    public sealed class Lease : IDisposable
    {
        private PixelBudget? _owner;

        internal Lease(PixelBudget owner, long pixels)
        {
            _owner = owner;
            Pixels = pixels;
        }

        public long Pixels { get; }

        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release(Pixels);
    }
}
