namespace MediaGate.Data.Retention;

/// <summary>
/// Objects due for deletion (table <c>pending_deletions</c>). Stores cannot list what they hold, so an object
/// that may outlive the row naming it is written down here first, and a sweep on any node deletes it when due.
/// Claims are leases in the database, so two nodes never work on one row at once and a node that died loses its
/// claims when they run out; deleting an object twice is harmless.
/// </summary>
public interface IPendingDeletions
{
    /// <summary>Writes down an upload's original before any of it is stored; due at <paramref name="dueAt"/> unless the upload commits first.</summary>
    Task RecordUploadAsync(string objectKey, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes down a master or rendition before its bytes are stored (issue 13, retention): the transaction that records the
    /// row naming it removes the entry, so an object whose row never committed is deleted when due. An entry already there
    /// (a second run of the same step) is kept.
    /// </summary>
    Task RecordWriteAheadAsync(DeletionStore objectStore, string objectKey, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    /// <summary>Forgets an unclaimed upload entry whose object the caller deleted itself; false when there was none.</summary>
    Task<bool> ForgetUploadAsync(string objectKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="limit"/> due rows for <paramref name="node"/> until <paramref name="claimUntil"/>:
    /// rows that are unclaimed or whose claim ran out. A row claimed by another node at the same moment is left to it.
    /// </summary>
    Task<IReadOnlyList<PendingDeletion>> ClaimDueAsync(DateTimeOffset now, string node, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken = default);

    /// <summary>Removes a row this node claimed, once its object is deleted; false when the claim was lost.</summary>
    Task<bool> CompleteAsync(PendingDeletion deletion, string node, CancellationToken cancellationToken = default);

    /// <summary>Every row, oldest due first (for tests and operators; bounded by <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<PendingDeletion>> ListAsync(int limit, CancellationToken cancellationToken = default);
}
