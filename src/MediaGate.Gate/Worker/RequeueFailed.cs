using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Worker;

/// <summary>
/// The manager's re-queue of failed items (issue 13): a failed item goes back to processing with its attempts reset, in
/// one transaction with its work-queue row, and its original is no longer due for deletion. Each re-queue is audited
/// (<c>requeue</c>). An item that is not failed is left alone: a decided item is never processed again this way.
/// </summary>
public sealed class RequeueFailed(IAuditLog audit, IMediaRepository media, IWorkQueue workRepository)
{
    /// <summary>The most items one call re-queues.</summary>
    public const int MaxItems = 500;

    /// <summary>Re-queues one item: null when there is no such item, false when it is not failed.</summary>
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

    /// <summary>Re-queues every failed item (at most <see cref="MaxItems"/>); the ids re-queued.</summary>
    public async Task<IReadOnlyList<string>> RequeueAllAsync(string actor, CancellationToken cancellationToken)
    {
        var failed = await media.ItemsWithStatusAsync([MediaStatus.Failed], MaxItems, cancellationToken).ConfigureAwait(false);
        var requeued = new List<string>(failed.Count);
        foreach (var item in failed)
        {
            if (await RequeueAsync(item.Id, actor, cancellationToken).ConfigureAwait(false) == true)
            {
                requeued.Add(item.Id);
            }
        }

        return requeued;
    }
}
