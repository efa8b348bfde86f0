namespace MediaGate.Data.Audit;

/// <summary>
/// Which audit entries to read (README, <c>GET /api/manager/audit</c>): appended in [<see cref="From"/>,
/// <see cref="To"/>), whose action starts with <see cref="ActionPrefix"/>, made by <see cref="Actor"/>, after
/// sequence <see cref="AfterSequence"/> and before <see cref="BeforeSequence"/>; every filter optional. Oldest first, or
/// newest first (<see cref="NewestFirst"/>: the console's log opens on today's entries).
/// </summary>
/// <param name="From">Inclusive lower bound of the entries' time, or null.</param>
/// <param name="To">Exclusive upper bound of the entries' time, or null.</param>
/// <param name="ActionPrefix">The action's beginning, compared by ordinal (e.g. <c>consent-</c>), or null.</param>
/// <param name="Actor">The actor's exact id, or null.</param>
/// <param name="AfterSequence">Only entries after this sequence number (0: from the first).</param>
/// <param name="BeforeSequence">Only entries before this sequence number, or null (up to the newest).</param>
/// <param name="NewestFirst">Read from the newest end: the page is the newest matching entries, newest first.</param>
public sealed record AuditQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? ActionPrefix = null,
    string? Actor = null,
    long AfterSequence = 0,
    long? BeforeSequence = null,
    bool NewestFirst = false);
