using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Worker;

/// <summary>
/// The manager's re-queue of failed items (issue 13): a failed item goes back to processing with its attempts reset, in
/// one transaction with its work-queue row, and its original is no longer due for deletion. Each re-queue is audited
/// (<c>requeue</c>). An item that is not failed is left alone: a decided item is never processed again this way; nor is a
/// failed one whose original was deleted since (<see cref="IWorkQueue.RequeueFailedAsync"/>): it would only fail again.
/// </summary>
public sealed class RequeueFailed(IAuditLog audit, IMediaRepository media, IWorkQueue workRepository)
{
    /// <summary>The most items one call re-queues.</summary>
    public const int MaxItems = 500;

    /// <summary>Re-queues one item: null when there is no such item, false when it is not failed or cannot be processed again.</summary>
    public async Task<bool?> RequeueAsync(string mediaId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        var item = await media.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        if (item.Status != MediaStatus.Failed || !await workRepository.RequeueFailedAsync(mediaId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await audit.AppendAsync(new AuditEvent(actor, "requeue", mediaId, JsonSerializer.Serialize(new { failedBecause = item.StatusDetail })),
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Re-queues every failed item that can be processed again (at most <see cref="MaxItems"/>, the oldest first; the
    /// ones that cannot are not listed, so they never crowd those out); the ids re-queued.
    /// </summary>
    public async Task<IReadOnlyList<string>> RequeueAllAsync(string actor, CancellationToken cancellationToken)
    {
        var failed = await workRepository.RequeueableAsync(MaxItems, cancellationToken).ConfigureAwait(false);
        var requeued = new List<string>(failed.Count);
        foreach (var id in failed)
        {
            if (await RequeueAsync(id, actor, cancellationToken).ConfigureAwait(false) == true)
            {
                requeued.Add(id);
            }
        }

        return requeued;
    }
}
