using System.Data.Common;
using Dapper;
using MediaGate.Data.Sql;

namespace MediaGate.Data.Migrations;

/// <summary>
/// Applies pending migrations on start, each in its own transaction. On PostgreSQL several nodes may start
/// at once: a transaction-scoped advisory lock makes them take turns; SQLite's write lock does the same.
/// </summary>
internal static class MigrationRunner
{
    /// <summary>Any constant, shared by every MediaGate node (pg_advisory_xact_lock's key).</summary>
    private const long PostgreSqlLockKey = 0x4D65646961_4761;

    public static async Task<IReadOnlyList<int>> ApplyAsync(SqlStore store, IReadOnlyList<Migration> migrations, TimeProvider time, CancellationToken cancellationToken)
    {
        var applied = new List<int>();
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await CreateLedgerAsync(store.Kind, connection, cancellationToken).ConfigureAwait(false);
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            if (await ApplyOneAsync(store.Kind, connection, migration, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                applied.Add(migration.Version);
            }
        }

        return applied;
    }

    /// <summary>
    /// Creates the table of applied migrations under the same lock as the migrations: PostgreSQL's
    /// CREATE TABLE IF NOT EXISTS is not safe against itself, and two nodes starting on a new database would
    /// otherwise fail one of them on a duplicate row type (23505 on pg_type_typname_nsp_index).
    /// </summary>
    private static async Task CreateLedgerAsync(StoreKind kind, DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockAsync(kind, connection, transaction, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task LockAsync(StoreKind kind, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (kind == StoreKind.PostgreSql)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = PostgreSqlLockKey }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private static async Task<bool> ApplyOneAsync(StoreKind kind, DbConnection connection, Migration migration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockAsync(kind, connection, transaction, cancellationToken).ConfigureAwait(false);
        var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version = (long)migration.Version }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (done > 0)
        {
            return false;
        }

        foreach (var statement in migration.For(kind))
        {
            await connection.ExecuteAsync(new CommandDefinition(statement, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
            new { version = (long)migration.Version, name = migration.Name, at = DbText.Instant(now) },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
