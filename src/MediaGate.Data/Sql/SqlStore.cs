using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MediaGate.Data.Sql;

/// <summary>Opens connections to one database; the only place that knows which engine it is.</summary>
internal sealed class SqlStore : IAsyncDisposable
{
    private readonly string? _sqliteConnectionString;
    private readonly NpgsqlDataSource? _postgres;
    private int _writeAheadLog;

    private SqlStore(StoreKind kind, string? sqliteConnectionString, NpgsqlDataSource? postgres)
    {
        Kind = kind;
        _sqliteConnectionString = sqliteConnectionString;
        _postgres = postgres;
    }

    public StoreKind Kind { get; }

    /// <summary>
    /// "column is one of the list parameter's values": Dapper expands a list for SQLite (<c>IN @list</c>), but sends it to
    /// Npgsql as one array, which only <c>= ANY(@list)</c> accepts.
    /// </summary>
    public string AnyOf(string column, string parameter) =>
        Kind == StoreKind.PostgreSql ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";

    public static SqlStore Sqlite(string databaseFile) => new(StoreKind.Sqlite, new SqliteConnectionStringBuilder
    {
        DataSource = databaseFile,
        ForeignKeys = true,
        // Pooled: an unpooled open parses the whole schema again, which cost the service more CPU than its SQL
        // (eng/load.sh). Disposing the store clears its pool, so the file is not kept open after that.
        Pooling = true,
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
        if (Interlocked.Exchange(ref _writeAheadLog, 1) == 0)
        {
            await UseWriteAheadLogAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }

    /// <summary>
    /// The write-ahead log (kept in the file once set): readers, such as the parents' and tablets' polls, no longer
    /// block the worker's writes or wait for them (a blocked SQLite command sleeps before it tries again), and a commit
    /// is still synced before it returns. A file system without shared memory keeps the rollback journal (slower, as correct).
    /// </summary>
    private static async Task UseWriteAheadLogAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }

        if (_sqliteConnectionString is not null)
        {
            using var connection = new SqliteConnection(_sqliteConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
