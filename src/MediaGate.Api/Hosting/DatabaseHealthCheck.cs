using MediaGate.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Readiness: the database answers a query (a primary-key lookup in the work queue: one cheap round trip), and for SQLite
/// its file system keeps <see cref="DatabaseOptions.MinFreeBytes"/> free (PostgreSQL's disk is its server's to watch).
/// </summary>
internal sealed class DatabaseHealthCheck(MediaGateDatabase database, IOptions<DatabaseOptions> options) : IHealthCheck
{
    private const string ProbeId = "health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.Work.StateAsync(ProbeId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's message may name a host or a user: say only which kind failed (the log has the rest).
            return HealthCheckResult.Unhealthy($"{database.Kind} does not answer", e);
        }

        DatabaseOptions settings = options.Value;
        if (settings.Provider == DatabaseProvider.Sqlite && settings.SqliteDirectory is { } folder)
        {
            long free = new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;
            if (free < settings.MinFreeBytes)
            {
                return HealthCheckResult.Unhealthy(
                    $"the database's file system has {free} bytes free, under the floor of {settings.MinFreeBytes} (Database:MinFreeBytes)");
            }
        }

        return HealthCheckResult.Healthy($"{database.Kind} answers");
    }
}
