using MediaGate.Consent.Matrix;

namespace MediaGate.Data.Media;

/// <summary>The manager approved an item for the website or publicity (product.md: public purposes wait for the manager).</summary>
public sealed record MediaApproval(string MediaId, Purpose Purpose, string ApprovedBy, DateTimeOffset ApprovedAt);
