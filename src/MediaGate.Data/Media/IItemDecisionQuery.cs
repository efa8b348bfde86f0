using MediaGate.Consent.ReEvaluation;

namespace MediaGate.Data.Media;

/// <summary>
/// The stored decisions of one media item, every purpose and audience: what the renditions use case brings the
/// rendition store in line with, and what the manager's review re-decides.
/// </summary>
public interface IItemDecisionQuery
{
    /// <summary>The item's decisions, ordered by purpose and audience.</summary>
    Task<IReadOnlyList<StoredDecision>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default);
}
