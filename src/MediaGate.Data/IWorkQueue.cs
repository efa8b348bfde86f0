using MediaGate.Data.Work;

namespace MediaGate.Data;

/// <summary>
/// Work handed out through the database, so that several nodes share it and an item whose node died is
/// picked up again (product.md, Shape; issue 7: "work is claimed through the database"). An item is claimed
/// by one node at a time; effects must be written so that doing an item twice changes nothing (a node may
/// die after its effects but before <see cref="CompleteAsync"/>).
/// </summary>
public interface IWorkQueue
{
    /// <summary>Adds an item at turn 0; an id already queued (in any state) is left as it is. True when added.</summary>
    Task<bool> EnqueueAsync(string id, string kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds an item at <paramref name="turn"/> (its place in its batch: 0 for an upload's first photo); an id already
    /// queued (in any state) is left as it is. True when added.
    /// </summary>
    Task<bool> EnqueueAsync(string id, string kind, int turn, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the pending item of the lowest turn, the oldest of those first, or one whose lease ran out (never a
    /// <c>video</c> item: those have their own lane), for
    /// <paramref name="lease"/>; null when there is none. Items already tried <paramref name="maxAttempts"/> times whose lease ran out become <see cref="WorkState.Failed"/> instead.
    /// </summary>
    Task<WorkClaim?> ClaimAsync(string node, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="ClaimAsync(string, TimeSpan, int, CancellationToken)"/> restricted to items of one <paramref name="kind"/>: the
    /// video lane (issue 14) claims only <c>video</c> items, which <see cref="ClaimAsync(string, TimeSpan, int, CancellationToken)"/> never hands out.
    /// </summary>
    Task<WorkClaim?> ClaimKindAsync(string node, TimeSpan lease, int maxAttempts, string kind, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease; false when the claim was lost (its lease ran out and another node took it).</summary>
    Task<bool> RenewAsync(WorkClaim claim, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks the item done; false when the claim was lost.</summary>
    Task<bool> CompleteAsync(WorkClaim claim, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the item back after a failure: pending again, or <see cref="WorkState.Failed"/> once it has been
    /// tried <paramref name="maxAttempts"/> times. False when the claim was lost.
    /// </summary>
    Task<bool> FailAsync(WorkClaim claim, string error, int maxAttempts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the item back after an outage (a store or the database away: not the item's fault): pending again, claimable
    /// from <paramref name="notBefore"/>, with the claim's attempt given back. False when the claim was lost.
    /// </summary>
    Task<bool> PostponeAsync(WorkClaim claim, string error, DateTimeOffset notBefore, CancellationToken cancellationToken = default);

    /// <summary>The distinct holders of claims whose holder name starts with <paramref name="prefix"/>.</summary>
    Task<IReadOnlyList<string>> HoldersAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends every claim of <paramref name="holder"/> (a previous life of this node) as if its lease had just run out,
    /// so that the items are claimed again at once. The number of claims ended.
    /// </summary>
    Task<int> ReleaseAsync(string holder, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a failed media item back to processing and its work back in the queue (its own lane: a video's in the video
    /// lane) with no attempts spent, in one transaction (the manager's re-queue). False when the item is not failed, or
    /// cannot be processed again: neither its master is recorded nor its original still kept (a failed item's original is
    /// deleted <c>Gate:Retention:FailedOriginalHours</c> after it failed); such an item stays failed, and nothing of it is
    /// released.
    /// </summary>
    Task<bool> RequeueFailedAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The failed items <see cref="RequeueFailedAsync"/> can put back now, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> RequeueableAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>How many failed items <see cref="RequeueFailedAsync"/> can put back now (the dashboard's "try again" button).</summary>
    Task<long> CountRequeueableAsync(CancellationToken cancellationToken = default);

    /// <summary>The item's state, or null when it was never queued.</summary>
    Task<WorkState?> StateAsync(string id, CancellationToken cancellationToken = default);
}
