using System.Data.Common;
using Dapper;
using MediaGate.Consent.People;
using MediaGate.Data.Events;

namespace MediaGate.Data.Sql.Events;

/// <summary>Events in <c>events</c>, their attendees in <c>event_attendees</c>.</summary>
internal sealed class SqlEventRepository(SqlStore store) : IEventRepository
{
    private const string Select =
        "SELECT e.id AS Id, e.name AS Name, e.event_date AS EventDate, e.created_by AS CreatedBy, e.created_at AS CreatedAt FROM events e";

    public async Task AddAsync(EventRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO events (id, name, event_date, created_by, created_at) VALUES (@id, @name, @date, @by, @at)",
            new { id = record.Id, name = record.Name, date = DbText.Date(record.Date), by = record.CreatedBy, at = DbText.Instant(record.CreatedAt) },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var child in record.Attendees.Distinct())
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO event_attendees (event_id, child_id) VALUES (@id, @child)", new { id = record.Id, child = child.Value },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<AttendeeChange> ReplaceAttendeesAsync(string id, IReadOnlyList<ChildId> attendees, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(attendees);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The event row is written first, so a concurrent change of the same event waits for this one (both databases).
        int found = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE events SET name = name WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (found == 0)
        {
            return AttendeeChange.NotFound;
        }

        long photos = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM observations WHERE event_id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (photos > 0)
        {
            return AttendeeChange.PhotosTaken;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM event_attendees WHERE event_id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var child in attendees.Distinct())
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO event_attendees (event_id, child_id) VALUES (@id, @child)", new { id, child = child.Value },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return AttendeeChange.Replaced;
    }

    public async Task<EventRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Contains('\0', StringComparison.Ordinal))
        {
            return null; // no stored id holds U+0000, and PostgreSQL refuses it in a query's text
        }

        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var events = await ReadAsync(connection, Select + " WHERE e.id = @id", new { id }, cancellationToken).ConfigureAwait(false);
        return events.Count == 0 ? null : events[0];
    }

    public async Task<IReadOnlyList<EventRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, Select + " ORDER BY e.event_date DESC, e.created_at DESC, e.id", new { }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EventRecord?> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var events = await ReadAsync(connection,
            Select + " JOIN observations o ON o.event_id = e.id JOIN media_items m ON m.observation_id = o.id WHERE m.id = @mediaId",
            new { mediaId }, cancellationToken).ConfigureAwait(false);
        return events.Count == 0 ? null : events[0];
    }

    private static async Task<IReadOnlyList<EventRecord>> ReadAsync(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<EventRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();
        if (rows.Length == 0)
        {
            return [];
        }

        var attendees = new List<(string EventId, string ChildId)>();
        foreach (var row in rows)
        {
            attendees.AddRange(await connection.QueryAsync<(string, string)>(new CommandDefinition(
                "SELECT event_id, child_id FROM event_attendees WHERE event_id = @id ORDER BY child_id", new { id = row.Id },
                cancellationToken: cancellationToken)).ConfigureAwait(false));
        }

        var byEvent = attendees.ToLookup(a => a.EventId, a => new ChildId(a.ChildId));
        return rows.Select(r => r.ToRecord(byEvent[r.Id].ToArray())).ToArray();
    }
}
