using Dapper;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary><see cref="IReviewListRepository"/> over <c>media_items</c>, <c>media_children</c> and <c>media_faces</c>.</summary>
internal sealed class SqlReviewListRepository(SqlStore store) : IReviewListRepository
{
    public async Task<IReadOnlyList<MediaItemRecord>> ItemsNewestFirstAsync(
        IReadOnlyCollection<MediaStatus> statuses, int limit, string? before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (statuses.Count == 0)
        {
            return [];
        }

        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        string? beforeAt = null;
        if (before is not null)
        {
            beforeAt = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT created_at FROM media_items WHERE id = @before", new { before }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (beforeAt is null)
            {
                return [];
            }
        }

        var page = beforeAt is null ? "" : " AND (m.created_at < @beforeAt OR (m.created_at = @beforeAt AND m.id < @before))";
        var rows = (await connection.QueryAsync<MediaItemRow>(new CommandDefinition(
            $"SELECT {MediaItemRow.Columns} FROM media_items m WHERE {store.AnyOf("m.status", "@statuses")}{page} ORDER BY m.created_at DESC, m.id DESC LIMIT @limit",
            new { statuses = statuses.Select(s => s.Name()).ToArray(), limit = (long)limit, before, beforeAt },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();
        if (rows.Length == 0)
        {
            return [];
        }

        var tags = await connection.QueryAsync<(string MediaId, string ChildId)>(new CommandDefinition(
            $"SELECT media_id, child_id FROM media_children WHERE {store.AnyOf("media_id", "@ids")} ORDER BY media_id, child_id",
            new { ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var byItem = tags.ToLookup(t => t.MediaId, t => new ChildId(t.ChildId));
        return rows.Select(r => r.ToRecord(byItem[r.Id].ToArray())).ToArray();
    }

    public async Task<IReadOnlyList<FaceRecord>> DismissedCertainFacesAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<FaceRow>(new CommandDefinition(
            $"SELECT {FaceRow.Columns} FROM media_faces f WHERE f.assignment = @kind AND f.uncertain = 0 " +
            "ORDER BY f.assigned_at DESC, f.media_id, f.number LIMIT @limit",
            new { kind = FaceAssignmentNames.Name(FaceAssignmentKind.NotAFace), limit = (long)limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToArray();
    }

    public async Task<FaceRecord?> FindFaceAsync(string mediaId, string faceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<FaceRow>(new CommandDefinition(
            $"SELECT {FaceRow.Columns} FROM media_faces f WHERE f.media_id = @mediaId AND f.id = @faceId", new { mediaId, faceId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRecord();
    }
}
