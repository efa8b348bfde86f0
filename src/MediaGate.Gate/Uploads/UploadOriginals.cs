using MediaGate.Storage;
using MediaGate.Data.Retention;

namespace MediaGate.Gate.Uploads;

/// <summary>
/// Writes each upload original down in <c>pending_deletions</c> before its first byte reaches the master store,
/// due after <c>Gate:Retention:AbandonedUploadSeconds</c>: the committing transaction removes the entry, so an entry
/// still there when due belongs to an upload that never committed (a node killed mid-upload), and the retention
/// sweep deletes its object. Stores cannot list, so without this such objects would stay for ever.
/// </summary>
internal sealed class UploadOriginals(IPendingDeletions pendingDeletions, TimeProvider time, TimeSpan abandonedAfter)
{
    public Task RecordAsync(ObjectKey key, CancellationToken cancellationToken) =>
        pendingDeletions.RecordUploadAsync(key.Value, time.GetUtcNow() + abandonedAfter, cancellationToken);

    /// <summary>After the caller deleted the object itself (a refused or duplicate file): the entry has nothing left to do.</summary>
    public Task ForgetAsync(ObjectKey key) => pendingDeletions.ForgetUploadAsync(key.Value, CancellationToken.None);
}
