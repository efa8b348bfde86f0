using Dapper;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>The stored decisions of one item from <c>decisions</c> and <c>decision_cells</c>, read in one transaction.</summary>
internal sealed class SqlItemDecisionQuery(SqlStore store) : IItemDecisionQuery
{
    public async Task<IReadOnlyList<StoredDecision>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition(
            $"SELECT {DecisionRow.Columns} FROM decisions d WHERE d.media_id = @mediaId ORDER BY d.purpose, d.audience",
            new { mediaId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var cells = await connection.QueryAsync<DecisionCellRow>(new CommandDefinition(
            "SELECT c.decision_id AS DecisionId, c.child_id AS ChildId, c.purpose AS Purpose FROM decision_cells c " +
            "JOIN decisions d ON d.id = c.decision_id WHERE d.media_id = @mediaId",
            new { mediaId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var byDecision = cells.ToLookup(c => c.DecisionId, c => c.ToCell());
        return rows.Select(r => r.ToDecision(byDecision[r.Id].ToArray())).ToArray();
    }
}
