using Dapper;
using MediaGate.Consent.People;

namespace MediaGate.Data.Sql;

internal sealed class SqlChildRepository(SqlStore store) : IChildRepository
{
    internal const string Select = "SELECT id AS Id, name AS Name, room AS Room FROM children";

    public async Task AddAsync(Child child, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(child);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO children (id, name, room) VALUES (@Id, @Name, @Room)",
            new ChildRow { Id = child.Id.Value, Name = child.Name, Room = child.Room }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<Child?> FindAsync(ChildId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ChildRow>(new CommandDefinition(
            Select + " WHERE id = @id", new { id = id.Value }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToChild();
    }

    public async Task<IReadOnlyList<Child>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ChildRow>(new CommandDefinition(Select + " ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToChild()).ToArray();
    }
}
