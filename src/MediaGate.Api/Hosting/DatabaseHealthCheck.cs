using MediaGate.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaGate.Api.Hosting;

/// <summary>Readiness: the database answers a query (a primary-key lookup in the work queue: one cheap round trip).</summary>
internal sealed class DatabaseHealthCheck(MediaGateDatabase database) : IHealthCheck
{
    private const string ProbeId = "health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.Work.StateAsync(ProbeId, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{database.Kind} answers");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's message may name a host or a user: say only which kind failed (the log has the rest).
            return HealthCheckResult.Unhealthy($"{database.Kind} does not answer", e);
        }
    }
}
