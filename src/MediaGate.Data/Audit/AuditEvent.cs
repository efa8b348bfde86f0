namespace MediaGate.Data.Audit;

/// <summary>
/// Something to append to the audit log (product.md: "every view, upload, decision and consent change is in
/// an append-only, tamper-evident audit log").
/// </summary>
/// <param name="Actor">Who did it: an account or device id, or "system" for the worker.</param>
/// <param name="Action">What was done, a stable code such as <c>sign-in</c>, <c>upload</c>, <c>view</c>, <c>decision</c>, <c>consent-change</c>, <c>export</c>.</param>
/// <param name="Subject">What it was done to (a media id, a child id, an account); empty when none.</param>
/// <param name="Detail">Optional JSON with the particulars; never a secret.</param>
public sealed record AuditEvent(string Actor, string Action, string Subject, string? Detail = null);
