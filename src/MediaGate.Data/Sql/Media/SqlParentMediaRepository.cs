using Dapper;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>The parent list's candidates from <c>media_children</c>, <c>event_attendees</c>, <c>renditions</c> and <c>decisions</c>.</summary>
internal sealed class SqlParentMediaRepository(SqlStore store) : IParentMediaRepository
{
    private const string Journal =
        "SELECT m.id AS MediaId, c.child_id AS ChildId, 'journal' AS Purpose, o.captured_at AS TakenAt, o.note AS Note, m.status AS Status, " +
        "r.id AS RenditionId, r.audience AS RenditionAudience, d.verdict AS Verdict, d.consent_recheck_at AS ConsentRecheckAt " +
        "FROM media_children c JOIN media_items m ON m.id = c.media_id JOIN observations o ON o.id = m.observation_id " +
        "LEFT JOIN renditions r ON r.media_id = m.id AND r.purpose = 'journal' AND r.audience = 'parent:' || c.child_id " +
        "LEFT JOIN decisions d ON d.media_id = m.id AND d.purpose = 'journal' AND d.audience = 'parent:' || c.child_id ";

    // An item has at most one events decision and rendition (its audience is the event's families).
    private const string Events =
        "SELECT m.id AS MediaId, a.child_id AS ChildId, 'events' AS Purpose, o.captured_at AS TakenAt, o.note AS Note, m.status AS Status, " +
        "r.id AS RenditionId, r.audience AS RenditionAudience, d.verdict AS Verdict, d.consent_recheck_at AS ConsentRecheckAt " +
        "FROM event_attendees a JOIN observations o ON o.event_id = a.event_id JOIN media_items m ON m.observation_id = o.id " +
        "LEFT JOIN renditions r ON r.media_id = m.id AND r.purpose = 'events' " +
        "LEFT JOIN decisions d ON d.media_id = m.id AND d.purpose = 'events' ";

    public async Task<IReadOnlyList<ParentItemCandidate>> CandidatesAsync(IReadOnlyCollection<ChildId> children, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (children.Count == 0)
        {
            return [];
        }

        var ids = children.Select(c => c.Value).Distinct().ToArray();
        bool postgres = store.Kind == StoreKind.PostgreSql;
        string journalWhere = postgres ? "WHERE c.child_id = ANY(@ids)" : "WHERE c.child_id IN @ids";
        string eventsWhere = postgres ? "WHERE a.child_id = ANY(@ids)" : "WHERE a.child_id IN @ids";
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<Row>();
        rows.AddRange(await connection.QueryAsync<Row>(new CommandDefinition(Journal + journalWhere, new { ids }, cancellationToken: cancellationToken)).ConfigureAwait(false));
        rows.AddRange(await connection.QueryAsync<Row>(new CommandDefinition(Events + eventsWhere, new { ids }, cancellationToken: cancellationToken)).ConfigureAwait(false));
        return rows
            .Select(r => r.ToCandidate())
            .OrderByDescending(c => c.TakenAt)
            .ThenBy(c => c.MediaId, StringComparer.Ordinal)
            .ThenBy(c => c.Purpose)
            .ThenBy(c => c.ChildId.Value, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>One row as Dapper reads it.</summary>
    private sealed class Row
    {
        public string MediaId { get; set; } = "";

        public string ChildId { get; set; } = "";

        public string Purpose { get; set; } = "";

        public string TakenAt { get; set; } = "";

        public string? Note { get; set; }

        public string Status { get; set; } = "";

        public string? RenditionId { get; set; }

        public string? RenditionAudience { get; set; }

        public string? Verdict { get; set; }

        public string? ConsentRecheckAt { get; set; }

        public ParentItemCandidate ToCandidate() => new(
            MediaId,
            new ChildId(ChildId),
            PurposeNames.TryParse(Purpose, out var purpose) ? purpose : throw new InvalidDataException($"Unknown purpose '{Purpose}'"),
            DbText.ToInstant(TakenAt),
            Note,
            MediaStatusNames.Parse(Status),
            RenditionId,
            RenditionAudience,
            Verdict,
            ConsentRecheckAt is not null);
    }
}
