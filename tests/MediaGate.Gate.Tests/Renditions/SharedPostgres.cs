using MediaGate.Data;
using MediaGate.Gate.Tests.Support;
using Npgsql;

namespace MediaGate.Gate.Tests.Renditions;

/// <summary>A schema of its own in the assembly's PostgreSQL cluster (<see cref="GateAssembly"/>) for each world.</summary>
internal static class SharedPostgres
{
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
