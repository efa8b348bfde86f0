using MediaGate.Api.Hosting;
using MediaGate.Storage;
using MediaGate.Storage.Folder;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaGate.Api.Tests.Hosting;

/// <summary>
/// Issue 13: readiness asks the store each time (an answer is reused for two seconds at most) and writes through it, so a
/// full disk shows as not ready while it lasts and as ready once space is back. A real folder store under a switch that
/// makes it throw what the folder store throws on ENOSPC.
/// </summary>
[TestClass]
public sealed class ObjectStoreHealthCheckTests
{
    [TestMethod]
    public async Task CheckHealthAsync_DiskFullThenSpaceBack_UnhealthyDuringAndHealthyAfter()
    {
        using var folder = new TempFolder();
        var disk = new DiskThatFills(FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = folder.Combine("store"), MinFreeBytes = 0 }));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        disk.Full = true;

        var during = await CheckAsync(disk, clock);
        disk.Full = false;
        var cached = await CheckAsync(disk, clock);
        clock.Advance(ObjectStoreHealthCheck.CacheFor + TimeSpan.FromMilliseconds(1));
        var after = await CheckAsync(disk, clock);

        Assert.AreEqual(HealthStatus.Unhealthy, during.Status, "a store that cannot be written is not ready");
        Assert.AreEqual(HealthStatus.Unhealthy, cached.Status, "an answer is reused for a moment, so polling does not write each time");
        Assert.AreEqual(HealthStatus.Healthy, after.Status, "the store is asked again once the answer is old");
        Assert.IsEmpty(Directory.GetFiles(folder.Combine("store"), "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')),
            "the probe object is deleted");
    }

    [TestMethod]
    public async Task CheckHealthAsync_FreeSpaceUnderTheFloor_Unhealthy()
    {
        using var folder = new TempFolder();
        var store = FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = folder.Combine("store"), MinFreeBytes = long.MaxValue });

        var result = await CheckAsync(store, new FakeTimeProvider());

        Assert.AreEqual(HealthStatus.Unhealthy, result.Status);
        StringAssert.Contains(result.Description, "MinFreeBytes");
    }

    private static Task<HealthCheckResult> CheckAsync(IObjectStore store, TimeProvider clock) =>
        new ObjectStoreHealthCheck(store, clock).CheckHealthAsync(new HealthCheckContext());

    /// <summary>A store whose writes fail with ENOSPC, as the folder store reports it, while <see cref="Full"/> is set.</summary>
    private sealed class DiskThatFills(IObjectStore inner) : IObjectStore
    {
        public bool Full { get; set; }

        public Task<PutResult> PutAsync(ObjectKey key, Stream content, CancellationToken cancellationToken = default) =>
            Full
                ? throw new ObjectStoreException(ObjectStoreFailureKind.Unavailable, "could not be written", new IOException("No space left on device", 28))
                : inner.PutAsync(key, content, cancellationToken);

        public Task<Stream?> OpenReadAsync(ObjectKey key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

        public Task<bool> ExistsAsync(ObjectKey key, CancellationToken cancellationToken = default) => inner.ExistsAsync(key, cancellationToken);

        public Task<bool> DeleteAsync(ObjectKey key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

        public Task<StoreReadiness> CheckReadyAsync(CancellationToken cancellationToken = default) => inner.CheckReadyAsync(cancellationToken);
    }
}
