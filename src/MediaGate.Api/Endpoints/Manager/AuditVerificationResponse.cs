using MediaGate.Data.Audit;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary><c>GET /api/manager/audit/verify</c>: whether every link holds, and else the first broken one.</summary>
public sealed record AuditVerificationResponse(bool Intact, long Checked, long? FirstBroken, string? Problem, string? HeadHash)
{
    public static AuditVerificationResponse From(AuditVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return new(verification.IsIntact, verification.Checked, verification.FirstBroken, verification.Problem, verification.HeadHash);
    }
}
