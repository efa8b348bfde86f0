using Dapper;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;

namespace MediaGate.Data.Sql;

/// <summary>Stored decisions in <c>decisions</c>, and the cells each relied on in <c>decision_cells</c> (indexed by cell).</summary>
internal sealed class SqlDecisionRepository(SqlStore store) : IDecisionRepository
{
    private const string CellColumns = "c.decision_id AS DecisionId, c.child_id AS ChildId, c.purpose AS Purpose";

    public async Task SaveAsync(StoredDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var row = DecisionRow.From(decision);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var replaced = (await connection.QueryAsync<(string Id, string? ConsentRecheckAt)>(new CommandDefinition(
            "SELECT id, consent_recheck_at FROM decisions WHERE id = @Id OR (media_id = @MediaId AND purpose = @Purpose AND audience = @Audience)",
            row, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();

        // A hold a consent change caused stays marked through later re-decisions that still hold (e.g. a face named on the
        // tablet while masks are still needed); any other verdict ends it.
        row.ConsentRecheckAt = decision.Verdict != Verdict.Hold ? null
            : row.ConsentRecheckAt ?? replaced.Select(r => r.ConsentRecheckAt).FirstOrDefault(at => at is not null);
        foreach (var id in replaced.Select(r => r.Id))
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM decision_cells WHERE decision_id = @id", new { id }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM decisions WHERE id = @id", new { id }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO decisions (id, media_id, purpose, audience, decided_at, verdict, request_json, faces_json, consent_recheck_at) " +
            "VALUES (@Id, @MediaId, @Purpose, @Audience, @DecidedAt, @Verdict, @RequestJson, @FacesJson, @ConsentRecheckAt)",
            row, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var cell in decision.ReliedOn.Distinct())
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO decision_cells (decision_id, child_id, purpose) VALUES (@id, @child, @purpose)",
                new { id = decision.Id, child = cell.Child.Value, purpose = cell.Purpose.Name() }, transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredDecision?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<DecisionRow>(new CommandDefinition(
            $"SELECT {DecisionRow.Columns} FROM decisions d WHERE d.id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var cells = await connection.QueryAsync<DecisionCellRow>(new CommandDefinition(
            $"SELECT {CellColumns} FROM decision_cells c WHERE c.decision_id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.ToDecision(cells.Select(c => c.ToCell()).ToArray());
    }

    public async Task<IReadOnlyList<StoredDecision>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition(
            $"SELECT {DecisionRow.Columns} FROM decisions d WHERE d.media_id = @mediaId ORDER BY d.purpose, d.audience",
            new { mediaId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var cells = await connection.QueryAsync<DecisionCellRow>(new CommandDefinition(
            $"SELECT {CellColumns} FROM decision_cells c JOIN decisions d ON d.id = c.decision_id WHERE d.media_id = @mediaId",
            new { mediaId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var byDecision = cells.ToLookup(c => c.DecisionId, c => c.ToCell());
        return rows.Select(r => r.ToDecision(byDecision[r.Id].ToArray())).ToArray();
    }

    public async Task<IReadOnlyList<StoredDecision>> RelyingOnAsync(ConsentCellKey cell, CancellationToken cancellationToken = default)
    {
        var args = new { child = cell.Child.Value, purpose = cell.Purpose.Name() };
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition(
            $"SELECT {DecisionRow.Columns} FROM decisions d JOIN decision_cells k ON k.decision_id = d.id " +
            "WHERE k.child_id = @child AND k.purpose = @purpose ORDER BY d.id",
            args, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var cells = await connection.QueryAsync<DecisionCellRow>(new CommandDefinition(
            $"SELECT {CellColumns} FROM decision_cells c JOIN decision_cells k ON k.decision_id = c.decision_id " +
            "WHERE k.child_id = @child AND k.purpose = @purpose",
            args, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var byDecision = cells.ToLookup(c => c.DecisionId, c => c.ToCell());
        return rows.Select(r => r.ToDecision(byDecision[r.Id].ToArray())).ToArray();
    }
}
