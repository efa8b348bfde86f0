using System.Data.Common;
using Dapper;
using MediaGate.Consent.People;
using MediaGate.Data.Retention;

namespace MediaGate.Data.Sql.Retention;

/// <summary>Children's leaving days (<c>children.left_on</c>) and the tombstoning of items whose every child left.</summary>
internal sealed class SqlRetentionRepository(SqlStore store) : IRetentionRepository
{
    /// <summary>
    /// Due: decided and tagged, and no tagged child who has not left or left after the cut-off. Also due again: a
    /// tombstone that still has renditions (a refresh that read the item before it was tombstoned saved one after).
    /// </summary>
    private const string Due =
        "((m.status NOT IN ('processing', 'deleted') " +
        "AND EXISTS (SELECT 1 FROM media_children t WHERE t.media_id = m.id) " +
        "AND NOT EXISTS (SELECT 1 FROM media_children t JOIN children c ON c.id = t.child_id " +
        "WHERE t.media_id = m.id AND (c.left_on IS NULL OR c.left_on > @cutoff))) " +
        "OR (m.status = 'deleted' AND EXISTS (SELECT 1 FROM renditions r WHERE r.media_id = m.id)))";

    public async Task<bool> SetLeftOnAsync(ChildId child, DateOnly? leftOn, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE children SET left_on = @leftOn WHERE id = @id", new { id = child.Value, leftOn = DbText.Date(leftOn) },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<DateOnly?> LeftOnAsync(ChildId child, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var text = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT left_on FROM children WHERE id = @id", new { id = child.Value }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return DbText.ToDateOrNull(text);
    }

    public async Task<IReadOnlySet<string>> LeftByAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);

        // left_on is ISO "YYYY-MM-DD" text on both databases, so text order is date order.
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM children WHERE left_on IS NOT NULL AND left_on <= @day", new { day = DbText.Date(day) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<string>> DueItemsAsync(DateOnly leftOnOrBefore, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT m.id FROM media_items m WHERE {Due} ORDER BY m.created_at, m.id LIMIT @limit",
            new { cutoff = DbText.Date(leftOnOrBefore), limit = (long)limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ids.ToArray();
    }

    public async Task<Tombstone?> TombstoneAsync(string mediaId, DateOnly leftOnOrBefore, string detail, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var at = DbText.Instant(now);

        // "due" is written against the alias m; here it applies to the updated row itself, so that PostgreSQL
        // re-checks the status column on the row version it waited for (a subquery over media_items would not).
        // The UPDATE comes first and re-checks "due" under the row's lock (and takes SQLite's write lock before any
        // read): of two nodes, one tombstones; a child marked as not left in the meantime keeps the item. The status
        // is written before anything else so that nothing serves or re-renders the item after this commits.
        int updated = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE media_items SET status = 'deleted', status_detail = @detail, updated_at = @at WHERE id = @mediaId AND {Due.Replace("m.", "media_items.", StringComparison.Ordinal)}",
            new { mediaId, detail, at, cutoff = DbText.Date(leftOnOrBefore) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (updated != 1)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        var keys = await connection.QuerySingleAsync<(string UploadKey, string? MasterKey)>(new CommandDefinition(
            "SELECT upload_key, master_key FROM media_items WHERE id = @mediaId", new { mediaId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "UPDATE media_items SET master_key = NULL WHERE id = @mediaId", mediaId, cancellationToken).ConfigureAwait(false);
        var objects = new List<PendingDeletion> { new(DeletionStore.Master, keys.UploadKey, DeletionReason.Retention, now) };
        if (keys.MasterKey is { } master)
        {
            objects.Add(new PendingDeletion(DeletionStore.Master, master, DeletionReason.Retention, now));
        }

        var renditions = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT object_key FROM renditions WHERE media_id = @mediaId ORDER BY object_key", new { mediaId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        objects.AddRange(renditions.Select(k => new PendingDeletion(DeletionStore.Renditions, k, DeletionReason.Retention, now)));

        // A video's clips beside its posters, and its tracks' frames beside its master (issue 14).
        var clips = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT video_key FROM video_renditions WHERE media_id = @mediaId ORDER BY video_key", new { mediaId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        objects.AddRange(clips.Select(k => new PendingDeletion(DeletionStore.Renditions, k, DeletionReason.Retention, now)));
        var frames = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT frame_key FROM media_tracks WHERE media_id = @mediaId AND frame_key IS NOT NULL ORDER BY frame_key", new { mediaId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        objects.AddRange(frames.Select(k => new PendingDeletion(DeletionStore.Master, k, DeletionReason.Retention, now)));
        foreach (var deletion in objects)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO pending_deletions (store, object_key, reason, due_at) VALUES (@store, @key, 'retention', @at) ON CONFLICT (store, object_key) DO NOTHING",
                new { store = PendingDeletionRow.Name(deletion.Store), key = deletion.ObjectKey, at }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, "DELETE FROM renditions WHERE media_id = @mediaId", mediaId, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM video_renditions WHERE media_id = @mediaId", mediaId, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction,
            "DELETE FROM decision_cells WHERE decision_id IN (SELECT id FROM decisions WHERE media_id = @mediaId)", mediaId, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM decisions WHERE media_id = @mediaId", mediaId, cancellationToken).ConfigureAwait(false);
        var children = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT child_id FROM media_children WHERE media_id = @mediaId ORDER BY child_id", new { mediaId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new Tombstone(mediaId, children.ToArray(), objects);
    }

    private static Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, string mediaId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, new { mediaId }, transaction, cancellationToken: cancellationToken));
}
