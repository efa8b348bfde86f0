using System.Data.Common;
using Dapper;
using MediaGate.Data.Retention;

namespace MediaGate.Data.Sql.Retention;

/// <summary>Objects due for deletion in <c>pending_deletions</c>; claims are leases (<c>claimed_by</c>, <c>claimed_until</c>).</summary>
internal sealed class SqlPendingDeletions(SqlStore store) : IPendingDeletions
{
    private const string Claimable = "(claimed_until IS NULL OR claimed_until < @now)";

    public async Task RecordUploadAsync(string objectKey, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectKey);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pending_deletions (store, object_key, reason, due_at) VALUES ('master', @objectKey, 'upload', @dueAt)",
            new { objectKey, dueAt = DbText.Instant(dueAt) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task RecordWriteAheadAsync(DeletionStore objectStore, string objectKey, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectKey);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);

        // A second run of the same step (deterministic master key) finds the first run's entry: it stays as it is.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pending_deletions (store, object_key, reason, due_at) VALUES (@store, @objectKey, 'upload', @dueAt) ON CONFLICT (store, object_key) DO NOTHING",
            new { store = PendingDeletionRow.Name(objectStore), objectKey, dueAt = DbText.Instant(dueAt) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Inside the transaction that records the row naming the object: its write-ahead entry has nothing left to do.</summary>
    internal static Task ClearWriteAheadAsync(DbConnection connection, DbTransaction transaction, DeletionStore objectStore, string objectKey, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM pending_deletions WHERE store = @store AND object_key = @objectKey AND reason = 'upload' AND claimed_by IS NULL",
            new { store = PendingDeletionRow.Name(objectStore), objectKey }, transaction, cancellationToken: cancellationToken));

    public async Task<bool> ForgetUploadAsync(string objectKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM pending_deletions WHERE store = 'master' AND object_key = @objectKey AND reason = 'upload' AND claimed_by IS NULL",
            new { objectKey }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<PendingDeletion>> ClaimDueAsync(
        DateTimeOffset now, string node, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = DbText.Instant(now);
        var candidates = await connection.QueryAsync<PendingDeletionRow>(new CommandDefinition(
            $"SELECT {PendingDeletionRow.Columns} FROM pending_deletions WHERE due_at <= @now AND {Claimable} ORDER BY due_at, object_key LIMIT @limit",
            new { now = at, limit = (long)limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var claimed = new List<PendingDeletion>();
        foreach (var row in candidates)
        {
            // The condition is checked again in the UPDATE: of two nodes that read the same row, one changes it.
            int won = await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE pending_deletions SET claimed_by = @node, claimed_until = @until WHERE store = @Store AND object_key = @ObjectKey AND {Claimable}",
                new { node, until = DbText.Instant(claimUntil), now = at, row.Store, row.ObjectKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (won == 1)
            {
                claimed.Add(row.ToRecord());
            }
        }

        return claimed;
    }

    public async Task<bool> CompleteAsync(PendingDeletion deletion, string node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deletion);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM pending_deletions WHERE store = @store AND object_key = @key AND claimed_by = @node",
            new { store = PendingDeletionRow.Name(deletion.Store), key = deletion.ObjectKey, node }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<PendingDeletion>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<PendingDeletionRow>(new CommandDefinition(
            $"SELECT {PendingDeletionRow.Columns} FROM pending_deletions ORDER BY due_at, object_key LIMIT @limit",
            new { limit = (long)limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToArray();
    }

    /// <summary>
    /// Inside an upload's transaction: removes the unclaimed entries of its originals. False when one is missing or
    /// claimed: a sweep took it as abandoned and its object is (or is about to be) gone, so the upload must not commit.
    /// </summary>
    internal static async Task<bool> ForgetUploadsAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> objectKeys, CancellationToken cancellationToken)
    {
        foreach (var objectKey in objectKeys)
        {
            int removed = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM pending_deletions WHERE store = 'master' AND object_key = @objectKey AND reason = 'upload' AND claimed_by IS NULL",
                new { objectKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (removed != 1)
            {
                return false;
            }
        }

        return true;
    }
}
