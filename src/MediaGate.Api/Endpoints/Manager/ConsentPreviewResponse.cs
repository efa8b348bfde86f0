using MediaGate.Gate.Consents;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>What a consent change would re-make or withdraw if saved (README, <c>POST /api/manager/consents/preview</c>).</summary>
/// <param name="Affected">One entry per media item, newest first.</param>
/// <param name="Count">How many items.</param>
public sealed record ConsentPreviewResponse(IReadOnlyList<ConsentPreviewItem> Affected, int Count);
