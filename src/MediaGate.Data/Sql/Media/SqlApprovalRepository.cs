using Dapper;
using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>The manager's approvals in <c>media_approvals</c>.</summary>
internal sealed class SqlApprovalRepository(SqlStore store) : IApprovalRepository
{
    public async Task ApproveAsync(MediaApproval approval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        if (approval.Purpose is not (Purpose.Website or Purpose.Publicity))
        {
            throw new ArgumentException("Only website and publicity wait for the manager's approval", nameof(approval));
        }

        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO media_approvals (media_id, purpose, approved_by, approved_at) VALUES (@media, @purpose, @by, @at) " +
            "ON CONFLICT (media_id, purpose) DO NOTHING",
            new { media = approval.MediaId, purpose = approval.Purpose.Name(), by = approval.ApprovedBy, at = DbText.Instant(approval.ApprovedAt) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> RevokeAsync(string mediaId, Purpose purpose, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        int deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM media_approvals WHERE media_id = @mediaId AND purpose = @purpose", new { mediaId, purpose = purpose.Name() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return deleted == 1;
    }

    public async Task<bool> IsApprovedAsync(string mediaId, Purpose purpose, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        long count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM media_approvals WHERE media_id = @mediaId AND purpose = @purpose", new { mediaId, purpose = purpose.Name() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return count > 0;
    }

    public async Task<IReadOnlyList<MediaApproval>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string MediaId, string Purpose, string ApprovedBy, string ApprovedAt)>(new CommandDefinition(
            "SELECT media_id, purpose, approved_by, approved_at FROM media_approvals WHERE media_id = @mediaId ORDER BY purpose", new { mediaId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new MediaApproval(r.MediaId, PurposeNames.TryParse(r.Purpose, out var p) ? p : throw new InvalidDataException(r.Purpose),
            r.ApprovedBy, DbText.ToInstant(r.ApprovedAt))).ToArray();
    }
}
