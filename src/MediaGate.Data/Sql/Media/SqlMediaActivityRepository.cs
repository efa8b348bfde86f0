using Dapper;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>Reads <c>media_items</c>' statuses and moments for the dashboard.</summary>
internal sealed class SqlMediaActivityRepository(SqlStore store) : IMediaActivityRepository
{
    public async Task<IReadOnlyList<MediaActivity>> SinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Instants are fixed-format text (DbText), which sorts as time does.
        var rows = await connection.QueryAsync<(string Id, string Status, string CreatedAt, string UpdatedAt)>(new CommandDefinition(
            "SELECT id, status, created_at, updated_at FROM media_items WHERE created_at >= @since OR updated_at >= @since " +
            "ORDER BY created_at DESC, id LIMIT @limit",
            new { since = DbText.Instant(since), limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new MediaActivity(r.Id, MediaStatusNames.Parse(r.Status), DbText.ToInstant(r.CreatedAt), DbText.ToInstant(r.UpdatedAt))).ToArray();
    }
}
