namespace MediaGate.Data.Media;

/// <summary>The manager's review actions per item and purpose (the latest one counts; the audit log keeps the history).</summary>
public interface IReviewActionRepository
{
    /// <summary>Stores the action, replacing an earlier one for the same item and purpose.</summary>
    Task SetAsync(ReviewActionRecord action, CancellationToken cancellationToken = default);

    /// <summary>The item's actions, one per purpose that has one.</summary>
    Task<IReadOnlyList<ReviewActionRecord>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default);
}
