namespace MediaGate.Data.Audit;

/// <summary>One stored link of the audit chain.</summary>
/// <param name="Sequence">1, 2, 3, ... with no gaps.</param>
/// <param name="At">When it was appended (UTC, from the log's <see cref="TimeProvider"/>).</param>
/// <param name="Actor">Who did it (<see cref="AuditEvent.Actor"/>).</param>
/// <param name="Action">What was done (<see cref="AuditEvent.Action"/>).</param>
/// <param name="Subject">What it was done to (<see cref="AuditEvent.Subject"/>).</param>
/// <param name="Detail">Particulars as JSON, or null.</param>
/// <param name="PreviousHash">The <see cref="Hash"/> of entry <c>Sequence - 1</c>; <see cref="AuditChain.Genesis"/> for the first.</param>
/// <param name="Hash">SHA-256 (hex) over this entry's fields and <see cref="PreviousHash"/> (<see cref="AuditChain.HashOf"/>).</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Subject,
    string? Detail,
    string PreviousHash,
    string Hash);
