using MediaGate.Data;

namespace MediaGate.Gate.Review;

/// <summary>Sets an item's status from its stored decisions and the manager's review actions (<see cref="ItemStatusRule"/>).</summary>
public static class ItemStatuses
{
    public static async Task UpdateAsync(MediaGateDatabase database, string mediaId, CancellationToken cancellationToken)
    {
        var item = await database.Media.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item is null || item.MasterKey is null)
        {
            return; // not processed yet (or failed): processing sets its status
        }

        var decisions = await database.Decisions.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var actions = await database.ReviewActions.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var status = ItemStatusRule.Of(decisions, actions);
        if (status != item.Status)
        {
            await database.Media.SetStatusAsync(mediaId, status, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
