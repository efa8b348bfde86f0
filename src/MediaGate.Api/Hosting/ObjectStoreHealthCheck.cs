using System.Globalization;
using System.Runtime.CompilerServices;
using MediaGate.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Readiness of one store ("master" or "renditions"), asked afresh at most every <see cref="CacheFor"/> (issue 13: a
/// cached answer said 200 through a whole outage): the store's own probe (a folder store: writable, free space above its
/// floor), then a small object put and deleted through the whole store, encryption included. Never names a secret.
/// </summary>
internal sealed class ObjectStoreHealthCheck(IObjectStore store, TimeProvider? time = null) : IHealthCheck
{
    /// <summary>How long one answer is reused: /health/ready is polled often, and each answer writes to the store.</summary>
    internal static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    // The check is made anew for each request (a registration's factory), so the last answer is kept per store.
    private static readonly ConditionalWeakTable<IObjectStore, LastAnswer> Answers = [];

    private static readonly ObjectKey Probe = ObjectKey.Parse("health/probe-" +
        new string($"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}".ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()));

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = Answers.GetValue(store, _ => new LastAnswer());

        // One probe at a time per store: two at once would race on the probe's key.
        await last.Asking.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (last.Result is { } cached && now - last.At < CacheFor && now >= last.At)
            {
                return cached;
            }

            var result = await AskAsync(cancellationToken).ConfigureAwait(false);
            last.At = now;
            last.Result = result;
            return result;
        }
        finally
        {
            last.Asking.Release();
        }
    }

    private async Task<HealthCheckResult> AskAsync(CancellationToken cancellationToken)
    {
        StoreReadiness readiness = await store.CheckReadyAsync(cancellationToken).ConfigureAwait(false);
        if (!readiness.IsReady)
        {
            return HealthCheckResult.Unhealthy(readiness.Problem ?? "not ready");
        }

        try
        {
            // Deleted first: a probe left by a killed check would refuse a put of other bytes (stores are write-once).
            await store.DeleteAsync(Probe, cancellationToken).ConfigureAwait(false);
            using (var content = new MemoryStream([1], writable: false))
            {
                await store.PutAsync(Probe, content, cancellationToken).ConfigureAwait(false);
            }

            await store.DeleteAsync(Probe, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("ready");
        }
        catch (Exception e) when (e is ObjectStoreException or IOException or TimeoutException)
        {
            // The store's messages name keys at most, never secrets.
            return HealthCheckResult.Unhealthy("a probe object could not be written and deleted: " + e.Message);
        }
    }

    private sealed class LastAnswer
    {
        public SemaphoreSlim Asking { get; } = new(1, 1);

        public DateTimeOffset At { get; set; }

        public HealthCheckResult? Result { get; set; }
    }
}
