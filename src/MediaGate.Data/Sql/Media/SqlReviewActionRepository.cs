using Dapper;
using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>The manager's review actions in <c>review_actions</c>.</summary>
internal sealed class SqlReviewActionRepository(SqlStore store) : IReviewActionRepository
{
    public async Task SetAsync(ReviewActionRecord action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var row = new
        {
            media = action.MediaId,
            purpose = action.Purpose.Name(),
            action = Name(action.Action),
            by = action.DecidedBy,
            at = DbText.Instant(action.DecidedAt),
        };
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO review_actions (media_id, purpose, action, decided_by, decided_at) VALUES (@media, @purpose, @action, @by, @at) " +
            "ON CONFLICT (media_id, purpose) DO UPDATE SET action = excluded.action, decided_by = excluded.decided_by, decided_at = excluded.decided_at",
            row, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReviewActionRecord>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Purpose, string Action, string DecidedBy, string DecidedAt)>(new CommandDefinition(
            "SELECT purpose, action, decided_by, decided_at FROM review_actions WHERE media_id = @mediaId ORDER BY purpose",
            new { mediaId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new ReviewActionRecord(
            mediaId,
            PurposeNames.TryParse(r.Purpose, out var purpose) ? purpose : throw new InvalidDataException($"review_actions holds an unknown purpose '{r.Purpose}'"),
            Parse(r.Action),
            r.DecidedBy,
            DbText.ToInstant(r.DecidedAt))).ToArray();
    }

    private static string Name(ReviewAction action) => action switch
    {
        ReviewAction.Release => "release",
        ReviewAction.Mask => "mask",
        ReviewAction.Block => "block",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown review action"),
    };

    private static ReviewAction Parse(string text) => text switch
    {
        "release" => ReviewAction.Release,
        "mask" => ReviewAction.Mask,
        "block" => ReviewAction.Block,
        _ => throw new InvalidDataException($"review_actions holds an unknown action '{text}'"),
    };
}
