using MediaGate.Data;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Opens the database when the host starts (it is the first hosted service), so that a missing server or a
/// failed migration stops the start with its message instead of failing the first request.
/// </summary>
internal sealed partial class DatabaseStartup(IServiceProvider services, ILogger<DatabaseStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<MediaGateDatabase>();
        LogOpened(logger, database.Kind, MediaGateDatabase.SchemaVersion, database.AppliedMigrations.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Kind} open at schema version {Version} ({Applied} migrations applied on this start)")]
    private static partial void LogOpened(ILogger logger, StoreKind kind, int version, int applied);
}
