using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;

namespace MediaGate.Data;

/// <summary>
/// The latest decision per media item, purpose and audience, with the cells it relied on, so that a
/// consent change finds what to re-decide without reading a single photo.
/// </summary>
public interface IDecisionRepository
{
    /// <summary>
    /// Stores the decision, replacing the previous one for the same rendition. Its <see cref="StoredDecision.ConsentRecheckAt"/>
    /// is cleared unless it holds, and a hold without one keeps the previous decision's.
    /// </summary>
    Task SaveAsync(StoredDecision decision, CancellationToken cancellationToken = default);

    Task<StoredDecision?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every decision of one media item (one per purpose and audience), ordered by purpose and audience.</summary>
    Task<IReadOnlyList<StoredDecision>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default);

    /// <summary>The decisions that read <paramref name="cell"/>.</summary>
    Task<IReadOnlyList<StoredDecision>> RelyingOnAsync(ConsentCellKey cell, CancellationToken cancellationToken = default);
}
