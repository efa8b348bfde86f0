namespace MediaGate.Data.Audit;

/// <summary>
/// Which audit entries to read (README, <c>GET /api/manager/audit</c>): appended in [<see cref="From"/>,
/// <see cref="To"/>), whose action starts with <see cref="ActionPrefix"/>, made by <see cref="Actor"/>, after
/// sequence <see cref="AfterSequence"/>; every filter optional.
/// </summary>
/// <param name="From">Inclusive lower bound of the entries' time, or null.</param>
/// <param name="To">Exclusive upper bound of the entries' time, or null.</param>
/// <param name="ActionPrefix">The action's beginning, compared by ordinal (e.g. <c>consent-</c>), or null.</param>
/// <param name="Actor">The actor's exact id, or null.</param>
/// <param name="AfterSequence">Only entries after this sequence number (0: from the first).</param>
public sealed record AuditQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, string? ActionPrefix = null, string? Actor = null, long AfterSequence = 0);
