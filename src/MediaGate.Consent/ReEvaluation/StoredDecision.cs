using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;

namespace MediaGate.Consent.ReEvaluation;

/// <summary>
/// A decision as the service keeps it: enough to recompute it without the image (the item's faces,
/// assignments and tags are in <see cref="Request"/>), what came out, and the cells it relied on.
/// </summary>
/// <param name="Id">The stored decision's id (one per media item, purpose and audience).</param>
/// <param name="Request">The inputs besides consent.</param>
/// <param name="DecidedAt">When it was decided.</param>
/// <param name="Verdict">What came out for the item.</param>
/// <param name="Faces">What came out per face, in face order.</param>
/// <param name="ReliedOn">The consent cells it read.</param>
public sealed record StoredDecision(
    string Id,
    DecisionRequest Request,
    DateTimeOffset DecidedAt,
    Verdict Verdict,
    IReadOnlyList<FaceVisibility> Faces,
    IReadOnlyList<ConsentCellKey> ReliedOn)
{
    /// <summary>
    /// When a consent change turned this decision from a release or a block into a hold (the item is then being checked
    /// again because of it); null otherwise. A store keeps it while the decision stays a hold and clears it once it is not.
    /// </summary>
    public DateTimeOffset? ConsentRecheckAt { get; init; }

    public static StoredDecision From(string id, DecisionRequest request, MediaDecision decision, DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new StoredDecision(id, request, decidedAt, decision.Verdict, decision.Faces.Select(f => f.Visibility).ToArray(), decision.ReliedOn);
    }
}
