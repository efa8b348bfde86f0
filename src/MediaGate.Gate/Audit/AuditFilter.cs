namespace MediaGate.Gate.Audit;

/// <summary>Which audit entries the manager asks for.</summary>
/// <param name="From">Entries at or after this time, or all.</param>
/// <param name="To">Entries before this time, or all.</param>
/// <param name="Action">Entries whose action starts with this (e.g. <c>consent-</c>), or all.</param>
/// <param name="Actor">Entries of this account, or all.</param>
public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, string? Action, string? Actor);
