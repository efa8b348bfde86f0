using MediaGate.Data.Audit;
using MediaGate.Gate.Audit;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// One audit entry with the hash of the previous one (api.md: <c>GET /api/manager/audit</c>), and, for the manager,
/// who did it by name (<c>who</c>) and what in a sentence (<c>what</c>; <see cref="AuditSentences"/>).
/// </summary>
public sealed record AuditEntryResponse(
    long Sequence, DateTimeOffset At, string Actor, string Action, string Subject, string? Detail, string PreviousHash, string Hash, string Who, string What)
{
    public static AuditEntryResponse From(AuditEntry entry, AuditNames names)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail, entry.PreviousHash, entry.Hash,
            AuditSentences.Who(entry, names), AuditSentences.What(entry, names));
    }
}
