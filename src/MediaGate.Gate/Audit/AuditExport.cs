using MediaGate.Data.Audit;

namespace MediaGate.Gate.Audit;

/// <summary>An export of the audit log, audited before it starts: it holds the entries before <paramref name="Marker"/>.</summary>
/// <param name="Filter">Which entries.</param>
/// <param name="Marker">The export's own audit entry: what the log said when it was asked ends here.</param>
public sealed record AuditExport(AuditFilter Filter, AuditEntry Marker);
