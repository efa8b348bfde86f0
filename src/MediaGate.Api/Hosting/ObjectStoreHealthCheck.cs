using MediaGate.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaGate.Api.Hosting;

/// <summary>Readiness of one store ("master" or "renditions"): its own probe, which never throws and never names a secret.</summary>
internal sealed class ObjectStoreHealthCheck(IObjectStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        StoreReadiness readiness = await store.CheckReadyAsync(cancellationToken).ConfigureAwait(false);
        return readiness.IsReady ? HealthCheckResult.Healthy("ready") : HealthCheckResult.Unhealthy(readiness.Problem ?? "not ready");
    }
}
