using MediaGate.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Support;

/// <summary>
/// A real store (folder or blob, encrypted or not) with failures switched on and off by the test: while
/// <see cref="Fault"/> is set, every operation throws what it makes, as the real store throws when its disk is full
/// or its service is down. <see cref="BeforePut"/> lets a test look at the database at the moment bytes are stored.
/// </summary>
internal sealed class FaultyStore : IObjectStore
{
    private IObjectStore _inner = null!;
    private int _failures;

    /// <summary>Makes the exception each operation throws; null: the store works.</summary>
    public Func<Exception>? Fault { get; set; }

    /// <summary>Operations refused so far.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public Func<ObjectKey, Task>? BeforePut { get; set; }

    /// <summary>What the folder store throws when its disk is full: Unavailable, with the ENOSPC IOException inside.</summary>
    public static Exception DiskFull() =>
        new ObjectStoreException(ObjectStoreFailureKind.Unavailable, "Object could not be written to the folder store.", new IOException("No space left on device", 28));

    /// <summary>What the blob store throws when the service does not answer.</summary>
    public static Exception Down() =>
        new ObjectStoreException(ObjectStoreFailureKind.Unavailable, "The blob store did not answer after retries: HttpRequestException.", new HttpRequestException("Connection refused"));

    /// <summary>Puts this store around the keyed store the service registered under <paramref name="key"/>.</summary>
    public void Around(IServiceCollection services, string key)
    {
        var original = services.Last(d => d.IsKeyedService && Equals(d.ServiceKey, key) && d.ServiceType == typeof(IObjectStore));
        services.Remove(original);
        services.AddKeyedSingleton<IObjectStore>(key, (provider, k) =>
        {
            _inner = (IObjectStore)original.KeyedImplementationFactory!(provider, k);
            return this;
        });
    }

    public async Task<PutResult> PutAsync(ObjectKey key, Stream content, CancellationToken cancellationToken = default)
    {
        ThrowIfFaulty();
        if (BeforePut is { } before)
        {
            await before(key);
        }

        return await _inner.PutAsync(key, content, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        ThrowIfFaulty();
        return _inner.OpenReadAsync(key, cancellationToken);
    }

    public Task<bool> ExistsAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        ThrowIfFaulty();
        return _inner.ExistsAsync(key, cancellationToken);
    }

    public Task<bool> DeleteAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        ThrowIfFaulty();
        return _inner.DeleteAsync(key, cancellationToken);
    }

    public Task<StoreReadiness> CheckReadyAsync(CancellationToken cancellationToken = default) => _inner.CheckReadyAsync(cancellationToken);

    private void ThrowIfFaulty()
    {
        if (Fault is { } fault)
        {
            Interlocked.Increment(ref _failures);
            throw fault();
        }
    }
}
