namespace MediaGate.Ingest.Concurrency;

/// <summary>
/// Lets several photos go through the gate at once while the pixels in flight stay within a bound, so that
/// peak memory stays bounded whatever the batch holds (issue 6: "use both cores ... within the memory
/// bound"). A photo is admitted when the pixels already admitted plus its own fit the capacity, or when
/// nothing else is in flight (a photo larger than the capacity runs alone rather than never). The service has one
/// per process, shared by processing (strip, detect) and rendering, so that what the two decode at once is bounded
/// together.
/// </summary>
public sealed class PixelBudget
{
    private readonly object _gate = new();
    private readonly List<TaskCompletionSource> _asyncWaiters = [];
    private long _inFlight;
    private int _holders;
    private int _waiting;

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

    /// <summary>Callers waiting for room now.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting;
            }
        }
    }

    /// <summary>Blocks until <paramref name="pixels"/> fit; dispose the lease to give them back.</summary>
    public Lease Acquire(long pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixels);
        lock (_gate)
        {
            _waiting++;
            while (!Fits(pixels))
            {
                Monitor.Wait(_gate);
            }

            _waiting--;
            Admit(pixels);
        }

        return new Lease(this, pixels);
    }

    /// <summary>
    /// Waits without holding a thread until <paramref name="pixels"/> fit (for request handlers and other async
    /// callers); dispose the lease to give them back.
    /// </summary>
    public async Task<Lease> AcquireAsync(long pixels, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixels);
        while (true)
        {
            TaskCompletionSource released;
            lock (_gate)
            {
                if (Fits(pixels))
                {
                    Admit(pixels);
                    return new Lease(this, pixels);
                }

                released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _asyncWaiters.Add(released);
                _waiting++;
            }

            try
            {
                await released.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate)
                {
                    _asyncWaiters.Remove(released);
                    _waiting--;
                }
            }
        }
    }

    private bool Fits(long pixels) => _holders == 0 || _inFlight + pixels <= Capacity;

    private void Admit(long pixels)
    {
        _inFlight += pixels;
        _holders++;
    }

    private void Release(long pixels)
    {
        TaskCompletionSource[] wake;
        lock (_gate)
        {
            _inFlight -= pixels;
            _holders--;
            Monitor.PulseAll(_gate);
            wake = [.. _asyncWaiters];
            _asyncWaiters.Clear();
        }

        // Every waiter looks again (as PulseAll does for the blocked ones); those that still do not fit wait anew.
        foreach (var waiter in wake)
        {
            waiter.TrySetResult();
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
