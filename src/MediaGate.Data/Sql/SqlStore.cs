using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MediaGate.Data.Sql;

/// <summary>Opens connections to one database; the only place that knows which engine it is.</summary>
internal sealed class SqlStore : IAsyncDisposable
{
    private readonly string? _sqliteConnectionString;
    private readonly NpgsqlDataSource? _postgres;

    private SqlStore(StoreKind kind, string? sqliteConnectionString, NpgsqlDataSource? postgres)
    {
        Kind = kind;
        _sqliteConnectionString = sqliteConnectionString;
        _postgres = postgres;
    }

    public StoreKind Kind { get; }

    public static SqlStore Sqlite(string databaseFile) => new(StoreKind.Sqlite, new SqliteConnectionStringBuilder
    {
        DataSource = databaseFile,
        ForeignKeys = true,
        // One short-lived connection per operation; pooling would keep the file open after disposal.
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString(), null);

    public static SqlStore PostgreSql(string connectionString) =>
        new(StoreKind.PostgreSql, null, NpgsqlDataSource.Create(connectionString));

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }
}
