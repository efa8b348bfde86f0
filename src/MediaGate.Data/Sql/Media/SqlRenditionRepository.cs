using Dapper;
using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>Renditions in <c>renditions</c>, one row per media item, purpose and audience.</summary>
internal sealed class SqlRenditionRepository(SqlStore store) : IRenditionRepository
{
    private const string Select = $"SELECT {RenditionRow.Columns} FROM renditions r";

    public async Task<RenditionRecord?> SaveAsync(RenditionRecord rendition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rendition);
        var row = RenditionRow.From(rendition);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var previous = await connection.QuerySingleOrDefaultAsync<RenditionRow>(new CommandDefinition(
            Select + " WHERE r.media_id = @MediaId AND r.purpose = @Purpose AND r.audience = @Audience", row, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (previous is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM renditions WHERE id = @Id", previous, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO renditions (id, media_id, purpose, audience, object_key, width, height, revision, created_at) " +
            "VALUES (@Id, @MediaId, @Purpose, @Audience, @ObjectKey, @Width, @Height, @Revision, @CreatedAt)",
            row, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await Retention.SqlPendingDeletions.ClearWriteAheadAsync(connection, transaction, Data.Retention.DeletionStore.Renditions, rendition.ObjectKey, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return previous?.ToRecord();
    }

    public Task<RenditionRecord?> FindAsync(string mediaId, Purpose purpose, string audienceKey, CancellationToken cancellationToken = default) =>
        SingleAsync(" WHERE r.media_id = @mediaId AND r.purpose = @purpose AND r.audience = @audienceKey",
            new { mediaId, purpose = purpose.Name(), audienceKey }, cancellationToken);

    public Task<RenditionRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        SingleAsync(" WHERE r.id = @id", new { id }, cancellationToken);

    public Task<IReadOnlyList<RenditionRecord>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default) =>
        ListAsync(" WHERE r.media_id = @mediaId ORDER BY r.purpose, r.audience", new { mediaId }, cancellationToken);

    public Task<IReadOnlyList<RenditionRecord>> ForAudienceAsync(Purpose purpose, string audienceKey, CancellationToken cancellationToken = default) =>
        ListAsync(" WHERE r.purpose = @purpose AND r.audience = @audienceKey ORDER BY r.created_at DESC, r.id",
            new { purpose = purpose.Name(), audienceKey }, cancellationToken);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        int deleted = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM renditions WHERE id = @id", new { id },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return deleted == 1;
    }

    private async Task<RenditionRecord?> SingleAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<RenditionRow>(new CommandDefinition(Select + where, parameters,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRecord();
    }

    private async Task<IReadOnlyList<RenditionRecord>> ListAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RenditionRow>(new CommandDefinition(Select + where, parameters,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToArray();
    }
}
