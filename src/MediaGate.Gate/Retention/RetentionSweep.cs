using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Retention;
using MediaGate.Gate.Consents;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Retention;

/// <summary>
/// The retention schedule (product.md: masters "are deleted on the retention schedule (for example after a child
/// leaves, with a grace period and an export for the parents)"), at start and every
/// <see cref="RetentionOptions.SweepSeconds"/>:
/// 1. every item whose tagged children all left at least <see cref="RetentionOptions.GraceDays"/> days ago (in the
///    setting's time zone) becomes a tombstone (status <c>deleted</c>, audited), which writes its master, original
///    and renditions down as due for deletion in the same transaction;
/// 2. every due object (those, and abandoned upload originals) is deleted from its store.
/// Several nodes may run it at once: a tombstone is made by one transaction that re-checks the item, and each due
/// object is claimed through the database with a lease, so a node that dies mid-way leaves its claims to the others.
/// </summary>
public sealed partial class RetentionSweep(
    IAuditLog auditLog,
    IPendingDeletions pendingDeletions,
    IRetentionRepository retentionRecords,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore master,
    [FromKeyedServices(StorageServiceCollectionExtensions.RenditionStore)] IObjectStore renditions,
    IOptions<RetentionOptions> options,
    IOptions<SettingClockOptions> clock,
    IOptions<GateOptions> gateOptions,
    TimeProvider time,
    ILogger<RetentionSweep> logger) : BackgroundService
{
    private const string Actor = "system";
    private const int Batch = 100;

    /// <summary>How long a claimed deletion is this node's: far longer than deleting one object takes.</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    private readonly string _node = gateOptions.Value.NodeName ?? $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>One run: tombstone what is due, then delete the due objects.</summary>
    public async Task<RetentionSweepResult> SweepOnceAsync(CancellationToken cancellationToken = default)
    {
        int items = await TombstoneDueItemsAsync(cancellationToken).ConfigureAwait(false);
        var (deleted, failed) = await DeleteDueObjectsAsync(cancellationToken).ConfigureAwait(false);
        return new RetentionSweepResult(items, deleted, failed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds), time);
        do
        {
            try
            {
                var result = await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
                if (result.ItemsDeleted + result.ObjectsDeleted + result.ObjectsFailed > 0)
                {
                    LogSwept(result.ItemsDeleted, result.ObjectsDeleted, result.ObjectsFailed);
                }
            }
#pragma warning disable CA1031 // A failed sweep (database or store briefly away) is logged and tried again at the next tick.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogSweepFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<int> TombstoneDueItemsAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), clock.Value.Zone).DateTime);
        var cutoff = today.AddDays(-options.Value.GraceDays);
        int done = 0;
        while (true)
        {
            var due = await retentionRecords.DueItemsAsync(cutoff, Batch, cancellationToken).ConfigureAwait(false);
            int before = done;
            foreach (var mediaId in due)
            {
                string detail = $"retention: every tagged child left on or before {cutoff:yyyy-MM-dd} ({options.Value.GraceDays} days' grace)";
                if (await retentionRecords.TombstoneAsync(mediaId, cutoff, detail, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is not { } tombstone)
                {
                    continue; // another node did it, or a child came back
                }

                done++;
                await auditLog.AppendAsync(new AuditEvent(Actor, "retention-delete", mediaId, JsonSerializer.Serialize(new
                {
                    children = tombstone.Children,
                    objects = tombstone.Objects.Count,
                    leftOnOrBefore = cutoff.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                })), cancellationToken).ConfigureAwait(false);
            }

            // A short batch was the last; a batch that tombstoned nothing (all taken by other nodes) would repeat itself.
            if (due.Count < Batch || done == before)
            {
                return done;
            }
        }
    }

    private async Task<(int Deleted, int Failed)> DeleteDueObjectsAsync(CancellationToken cancellationToken)
    {
        int deleted = 0, failed = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var claimed = await pendingDeletions.ClaimDueAsync(now, _node, now + ClaimFor, Batch, cancellationToken).ConfigureAwait(false);
            foreach (var deletion in claimed)
            {
                if (await DeleteAsync(deletion, cancellationToken).ConfigureAwait(false))
                {
                    await pendingDeletions.CompleteAsync(deletion, _node, cancellationToken).ConfigureAwait(false);
                    deleted++;
                }
                else
                {
                    failed++;
                }
            }

            if (claimed.Count < Batch)
            {
                return (deleted, failed);
            }
        }
    }

    /// <summary>Deletes the object (gone already counts as deleted); false when the store failed and a later run must try again.</summary>
    private async Task<bool> DeleteAsync(PendingDeletion deletion, CancellationToken cancellationToken)
    {
        if (!ObjectKey.TryParse(deletion.ObjectKey, out var key))
        {
            LogUnusableKey(deletion.ObjectKey);
            return true; // no store holds an object under a key that is not one
        }

        var store = deletion.Store == DeletionStore.Master ? master : renditions;
        try
        {
            bool existed = await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
            if (existed && deletion.Reason == DeletionReason.Upload)
            {
                LogAbandonedUpload(deletion.ObjectKey);
                await auditLog.AppendAsync(new AuditEvent(Actor, "upload-abandoned", deletion.ObjectKey, null), cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (ObjectStoreException e)
        {
            LogDeleteFailed(e, deletion.ObjectKey);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep: {Items} items deleted, {Objects} objects deleted, {Failed} objects to retry")]
    private partial void LogSwept(int items, int objects, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted the original of an upload that never committed: {Key}")]
    private partial void LogAbandonedUpload(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete {Key}; it is tried again later")]
    private partial void LogDeleteFailed(Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "A pending deletion names '{Key}', which is not an object key; dropped")]
    private partial void LogUnusableKey(string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention sweep failed; it runs again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
