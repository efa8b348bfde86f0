using MediaGate.Data;
using MediaGate.Data.Tests.Support;
using Npgsql;

namespace MediaGate.Gate.Tests.Renditions;

/// <summary>
/// One throw-away PostgreSQL cluster for the PostgreSQL rows of these tests, started on first use and stopped when
/// the test process ends; each world gets a schema of its own in it.
/// </summary>
internal static class SharedPostgres
{
    private static readonly Lazy<PostgresCluster> Cluster = new(() =>
    {
        var cluster = PostgresCluster.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster;
    });

    /// <summary>Opens the database in a new, empty schema (for <see cref="RenditionWorld.CreateAsync"/>).</summary>
    public static async Task<MediaGateDatabase> OpenAsync(TimeProvider time) =>
        await MediaGateDatabase.OpenPostgreSqlAsync(await NewSchemaAsync(), time);

    /// <summary>A connection string whose search path is a new, empty schema.</summary>
    public static async Task<string> NewSchemaAsync()
    {
        var schema = "r_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(Cluster.Value.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Cluster.Value.ConnectionString) { SearchPath = schema }.ToString();
    }
}
