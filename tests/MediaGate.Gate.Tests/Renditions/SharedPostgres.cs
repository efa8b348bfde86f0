using MediaGate.Data;
using MediaGate.Gate.Tests.Support;
using MediaGate.Storage;
using MediaGate.Storage.AzureBlob;
using MediaGate.Testing.Renditions;
using Npgsql;

namespace MediaGate.Gate.Tests.Renditions;

/// <summary>
/// The several-node backends for a world: a schema of its own in the assembly's PostgreSQL cluster and containers
/// of its own in its Azurite (<see cref="GateAssembly"/>).
/// </summary>
internal static class SharedPostgres
{
    /// <summary>Opens a store in a new container (for <see cref="RenditionWorld.CreateAsync"/>'s openStore).</summary>
    public static Func<string, IObjectStore> AzuriteStores()
    {
        var prefix = "r" + Guid.NewGuid().ToString("N")[..20];
        return name => new AzureBlobObjectStore(new AzureBlobObjectStoreOptions
        {
            ConnectionString = GateAssembly.Azurite.ConnectionString,
            ContainerName = $"{prefix}-{name}",
        });
    }

    /// <summary>Opens the database in a new, empty schema (for <see cref="RenditionWorld.CreateAsync"/>).</summary>
    public static async Task<MediaGateDatabase> OpenAsync(TimeProvider time)
    {
        var schema = "r_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(GateAssembly.Postgres.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return await MediaGateDatabase.OpenPostgreSqlAsync(
            new NpgsqlConnectionStringBuilder(GateAssembly.Postgres.ConnectionString) { SearchPath = schema }.ToString(), time);
    }
}
