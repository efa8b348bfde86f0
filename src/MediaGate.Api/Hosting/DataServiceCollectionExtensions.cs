using MediaGate.Data.Audit;
using MediaGate.Storage.Encryption;
using MediaGate.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Hosting;

/// <summary>The database for the service: options, the opened <see cref="MediaGateDatabase"/> and the clock.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Database</c> (validated at start-up), registers <see cref="TimeProvider.System"/> and a
    /// <see cref="MediaGateDatabase"/> singleton that is opened (schema migrated) when the host starts, before
    /// any request, so that a database that cannot be reached or migrated stops the start.
    /// </summary>
    public static IServiceCollection AddMediaGateData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            // Opened once, the first time anything needs it (DatabaseStartup makes that the host's start).
            // Blocking here is safe: there is no synchronisation context in ASP.NET Core.
            Task<MediaGateDatabase> opening = options.Provider == DatabaseProvider.PostgreSql
                ? MediaGateDatabase.OpenPostgreSqlAsync(options.ConnectionString!, time)
                : MediaGateDatabase.OpenSqliteAsync(options.SqliteDirectory!, time);
            var database = opening.GetAwaiter().GetResult();
            if (provider.GetService<SecretSealer>() is { } sealer)
            {
                database.UseAuditKeys(AuditKeys.From(sealer));
            }

            return database;
        });
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseStartup>());
        return services;
    }
}
