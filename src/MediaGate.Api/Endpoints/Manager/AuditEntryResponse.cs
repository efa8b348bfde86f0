using MediaGate.Data.Audit;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>One audit entry with the hash of the previous one (api.md: <c>GET /api/manager/audit</c>).</summary>
public sealed record AuditEntryResponse(long Sequence, DateTimeOffset At, string Actor, string Action, string Subject, string? Detail, string PreviousHash, string Hash)
{
    public static AuditEntryResponse From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail, entry.PreviousHash, entry.Hash);
    }
}
