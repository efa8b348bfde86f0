using MediaGate.Data.Audit;

namespace MediaGate.Gate.Audit;

/// <summary>Audit entries, in the order asked for (oldest first unless newest first), with the names their ids stand for.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, AuditNames Names);
