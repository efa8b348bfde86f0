using MediaGate.Consent.People;

namespace MediaGate.Data.Retention;

/// <summary>
/// The retention schedule's data (product.md: masters "are deleted on the retention schedule (for example after a
/// child leaves, with a grace period and an export for the parents)"): the day each child left, the items whose
/// every tagged child left on or before a cut-off day, and the tombstoning of such an item.
/// </summary>
public interface IRetentionRepository
{
    /// <summary>Records the day the child left (null: the child has not left after all); false when there is no such child.</summary>
    Task<bool> SetLeftOnAsync(ChildId child, DateOnly? leftOn, CancellationToken cancellationToken = default);

    /// <summary>The day the child left, or null (also for an unknown child).</summary>
    Task<DateOnly?> LeftOnAsync(ChildId child, CancellationToken cancellationToken = default);

    /// <summary>The ids of the children who left on or before <paramref name="day"/> (no longer to be tagged in new photos).</summary>
    Task<IReadOnlySet<string>> LeftByAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> items, oldest first, that are decided (not processing, not deleted), tagged with at
    /// least one child, and whose every tagged child left on or before <paramref name="leftOnOrBefore"/>.
    /// </summary>
    Task<IReadOnlyList<string>> DueItemsAsync(DateOnly leftOnOrBefore, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction, if the item is still due: its status becomes <c>deleted</c> (final: no status write changes
    /// it again) and its master key is cleared, its renditions' rows and stored decisions go, and its objects are
    /// written down as due at <paramref name="now"/>. Null when it is no longer due (another node did it, a child came back).
    /// </summary>
    Task<Tombstone?> TombstoneAsync(string mediaId, DateOnly leftOnOrBefore, string detail, DateTimeOffset now, CancellationToken cancellationToken = default);
}
