namespace MediaGate.Data.Audit;

/// <summary>The result of walking the audit chain.</summary>
/// <param name="IsIntact">Every link holds.</param>
/// <param name="Checked">Entries that were verified before the first broken link (all of them when intact).</param>
/// <param name="FirstBroken">The sequence number of the first entry whose link does not hold; null when intact.</param>
/// <param name="Problem">What is wrong with it, in a sentence; null when intact.</param>
/// <param name="HeadHash">The newest entry's hash when intact: written down elsewhere (a printout, the manager's export), it also reveals a log whose newest entries were cut off.</param>
public sealed record AuditVerification(bool IsIntact, long Checked, long? FirstBroken, string? Problem, string? HeadHash)
{
    public static AuditVerification Intact(long count, string headHash) => new(true, count, null, null, headHash);

    public static AuditVerification Broken(long verified, long sequence, string problem) => new(false, verified, sequence, problem, null);
}
