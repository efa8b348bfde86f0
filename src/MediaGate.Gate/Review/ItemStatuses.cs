using MediaGate.Data;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Review;

/// <summary>Sets an item's status from its stored decisions and the manager's review actions (<see cref="ItemStatusRule"/>).</summary>
public sealed class ItemStatuses(IMediaRepository mediaRecords, IDecisionRepository decisionRecords, IReviewActionRepository reviewActions)
{
    public async Task UpdateAsync(string mediaId, CancellationToken cancellationToken)
    {
        var item = await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item is null || item.MasterKey is null)
        {
            return; // not processed yet (or failed): processing sets its status
        }

        var decisions = await decisionRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var actions = await reviewActions.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var status = ItemStatusRule.Of(decisions, actions);
        if (status != item.Status)
        {
            await mediaRecords.SetStatusAsync(mediaId, status, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
