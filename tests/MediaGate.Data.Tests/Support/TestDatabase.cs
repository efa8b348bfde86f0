using System.Data.Common;
using Npgsql;

namespace MediaGate.Data.Tests.Support;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in its own temp folder, or a schema of its own in the
/// shared PostgreSQL cluster. The data rows of every store test are the store names, so reports show both.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    private readonly Func<Task> _cleanup;

    private TestDatabase(MediaGateDatabase database, Func<TimeProvider, Task<MediaGateDatabase>> reopen, Func<Task> cleanup)
    {
        Database = database;
        Reopen = reopen;
        _cleanup = cleanup;
    }

    public MediaGateDatabase Database { get; }

    /// <summary>Opens the same database again (as another node or a restart would).</summary>
    public Func<TimeProvider, Task<MediaGateDatabase>> Reopen { get; }

    /// <summary>Where the SQLite file lives (SQLite only).</summary>
    public string? Folder { get; private init; }

    /// <summary>The test's own schema (PostgreSQL only).</summary>
    public string? Schema { get; private init; }

    public static async Task<TestDatabase> CreateAsync(string store, TimeProvider time)
    {
        if (store == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "mediagate-sqlite-" + Guid.NewGuid().ToString("N"), "data");
            var database = await MediaGateDatabase.OpenSqliteAsync(folder, time);
            return new TestDatabase(database, t => MediaGateDatabase.OpenSqliteAsync(folder, t), () =>
            {
                Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
                return Task.CompletedTask;
            })
            { Folder = folder };
        }

        Assert.AreEqual(PostgreSql, store, "unknown store");
        var schema = await EmptyPostgreSqlSchemaAsync();
        var postgres = await MediaGateDatabase.OpenPostgreSqlAsync(schema.ConnectionString, time);
        return new TestDatabase(postgres, t => MediaGateDatabase.OpenPostgreSqlAsync(schema.ConnectionString, t), () => schema.DisposeAsync().AsTask())
        {
            Schema = schema.Name,
        };
    }

    /// <summary>An empty schema of its own in the shared cluster, not yet opened by anyone; dispose drops it.</summary>
    public static async Task<EmptySchema> EmptyPostgreSqlSchemaAsync()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await AdminAsync($"CREATE SCHEMA {schema}");
        var connectionString = new NpgsqlConnectionStringBuilder(TestAssembly.Cluster.ConnectionString) { SearchPath = schema }.ToString();
        return new EmptySchema(schema, connectionString, () => AdminAsync($"DROP SCHEMA {schema} CASCADE"));
    }

    /// <summary>Straight SQL, as any other program with the connection string could send it.</summary>
    public async Task ExecuteRawAsync(string sql)
    {
        DbConnection connection = Folder is not null
            ? new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Path.Combine(Folder, MediaGateDatabase.SqliteFileName) + ";Pooling=False")
            : new NpgsqlConnection(TestAssembly.Cluster.ConnectionString + ";Search Path=" + Schema);
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await _cleanup();
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestAssembly.Cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A PostgreSQL schema nobody has opened yet (see <see cref="TestDatabase.EmptyPostgreSqlSchemaAsync"/>).</summary>
internal sealed class EmptySchema(string name, string connectionString, Func<Task> drop) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync() => await drop();
}
