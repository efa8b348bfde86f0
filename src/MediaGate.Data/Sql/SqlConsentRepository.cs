using System.Data.Common;
using Dapper;
using MediaGate.Data.Csv;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Data.Sql;

/// <summary>
/// Consent history in <c>consent_records</c>. Each cell's records are numbered 1, 2, 3...; the primary key
/// on (child, purpose, version) makes two concurrent appends to one cell fail rather than interleave.
/// </summary>
internal sealed class SqlConsentRepository(SqlStore store) : IConsentRepository
{
    private const string Insert =
        "INSERT INTO consent_records (child_id, purpose, version, granted, group_sharing, given_by, evidence, given_on, lapses_on, withdrawn_on, recorded_at) " +
        "VALUES (@ChildId, @Purpose, @Version, @Granted, @GroupSharing, @GivenBy, @Evidence, @GivenOn, @LapsesOn, @WithdrawnOn, @RecordedAt)";

    public Task AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default) =>
        ApplyAsync(new ConsentImportPlan([], [record]), cancellationToken);

    public async Task ApplyAsync(ConsentImportPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var child in plan.NewChildren)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO children (id, name, room) VALUES (@Id, @Name, @Room)",
                new ChildRow { Id = child.Id.Value, Name = child.Name, Room = child.Room }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        foreach (var record in plan.Records)
        {
            await AppendInAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ConsentRecord>> HistoryAsync(ChildId child, Purpose purpose, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ConsentRow>(new CommandDefinition(
            $"SELECT {ConsentRow.Columns} FROM consent_records WHERE child_id = @child AND purpose = @purpose ORDER BY version",
            new { child = child.Value, purpose = purpose.Name() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToArray();
    }

    public async Task<ConsentMatrix> LoadMatrixAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var children = await connection.QueryAsync<ChildRow>(new CommandDefinition(
            SqlChildRepository.Select, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var records = await connection.QueryAsync<ConsentRow>(new CommandDefinition(
            $"SELECT {ConsentRow.Columns} FROM consent_records ORDER BY child_id, purpose, version",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ConsentMatrix.Create(children.Select(c => c.ToChild()), records.Select(r => r.ToRecord()));
    }

    private static async Task AppendInAsync(DbConnection connection, DbTransaction transaction, ConsentRecord record, CancellationToken cancellationToken)
    {
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM consent_records WHERE child_id = @child AND purpose = @purpose",
            new { child = record.Child.Value, purpose = record.Purpose.Name() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(Insert, ConsentRow.From(record, version), transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }
}
