using System.Diagnostics;
using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Data.Retention;
using MediaGate.Gate.Retention;
using MediaGate.Gate.Renditions;
using MediaGate.Ingest;
using MediaGate.Ingest.Concurrency;
using MediaGate.Ingest.Render;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Processing;

/// <summary>
/// Processes one accepted item (issue 7, section 3), idempotently: a node may die at any point and another
/// runs it again with the same effect. Steps:
/// <list type="number">
/// <item>read the upload original from the master store, bounded by <c>Ingest:Limits:MaxBytes</c>;</item>
/// <item>strip it (upright, metadata-free master) and detect faces on the master;</item>
/// <item>write the master under a deterministic key (<c>masters/&lt;mediaId&gt;.jpg</c>; the store is write-once, so a
/// second run finds the same bytes there, or keeps the first run's master);</item>
/// <item>record the master and its faces in one transaction (a second run keeps the first run's faces);</item>
/// <item>delete the metadata-bearing original, only now that the master is durable;</item>
/// <item>decide and refresh renditions through <see cref="DecideItem"/>, which writes the status last.</item>
/// </list>
/// Faces are searched at the rendition size (<c>Renditions:MaxLongSide</c>; product.md, Masking: only the manager sees the
/// master): a JPEG master is decoded in the DCT at the smallest scale that still covers it, and the boxes come back in
/// master pixels. Decoding waits for room in the shared <see cref="PixelBudget"/> (<c>Ingest:PixelsInFlight</c>), so that several
/// workers never hold more pixels at once than memory allows.
/// A step that fails on the file itself (not an image after all, a decompression bomb, a detector failure)
/// marks the item <see cref="MediaStatus.Failed"/>: never released. A failed item keeps its original (encrypted in the
/// master store) for <c>Gate:Retention:FailedOriginalHours</c>, written down for deletion then (issue 13: garbage uploads
/// must not fill the disk), so that the manager can re-queue it meanwhile. The master is written down
/// (<c>pending_deletions</c>) before its bytes are stored, and the transaction recording it clears the entry. Failures of
/// the store or the database throw: the worker lets the item wait them out (<see cref="Worker.Outages"/>).
/// </summary>
public sealed partial class ProcessItem(
    IMediaRepository mediaRecords,
    IAuditLog auditLog,
    IPendingDeletions pendingDeletions,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore master,
    IngestPipeline pipeline,
    PixelBudget pixels,
    IOptions<IngestOptions> ingestOptions,
    IOptions<RenditionOptions> renditionOptions,
    DecideItem decide,
    GateMetrics metrics,
    IOptions<RetentionOptions> retention,
    TimeProvider time,
    ILogger<ProcessItem> logger)
{
    /// <summary>The item's status afterwards; null when there is no such item.</summary>
    public async Task<MediaStatus?> ProcessAsync(string mediaId, CancellationToken cancellationToken)
    {
        var item = await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            logger.LogWarning("Work item {Media} has no media item", mediaId);
            return null;
        }

        if (item.Status != MediaStatus.Processing)
        {
            // Decided (or failed) before: the status is written last, so everything else happened already, except
            // perhaps the original's deletion when a face assignment decided the item between a crash and this run.
            if (item.MasterKey is not null)
            {
                await master.DeleteAsync(ObjectKey.Parse(item.UploadKey), cancellationToken).ConfigureAwait(false);
            }

            return item.Status;
        }

        long started = Stopwatch.GetTimestamp();
        if (item.MasterKey is null)
        {
            string? failure = await MakeMasterAsync(item, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return await FailAsync(item, failure, cancellationToken).ConfigureAwait(false);
            }
        }

        long mastered = Stopwatch.GetTimestamp();
        await master.DeleteAsync(ObjectKey.Parse(item.UploadKey), cancellationToken).ConfigureAwait(false);
        var status = await decide.DecideAsync(mediaId, "system", cancellationToken).ConfigureAwait(false);
        LogProcessed(mediaId, Stopwatch.GetElapsedTime(started, mastered).TotalMilliseconds, Stopwatch.GetElapsedTime(mastered).TotalMilliseconds);
        return status;
    }

    /// <summary>Marks the item failed (the worker gave up on it): never released, and its renditions withdrawn.</summary>
    public async Task<MediaStatus> FailAsync(string mediaId, string reason, CancellationToken cancellationToken)
    {
        var item = await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item is null || item.Status != MediaStatus.Processing)
        {
            return item?.Status ?? MediaStatus.Failed;
        }

        return await FailAsync(item, reason, cancellationToken).ConfigureAwait(false);
    }

    private async Task<MediaStatus> FailAsync(MediaItemRecord item, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Item {Media} failed: {Reason}", item.Id, reason);
        await pendingDeletions.RecordWriteAheadAsync(
            DeletionStore.Master, item.UploadKey, time.GetUtcNow() + retention.Value.FailedOriginalAfter, cancellationToken).ConfigureAwait(false);
        await mediaRecords.SetStatusAsync(item.Id, MediaStatus.Failed, reason, cancellationToken).ConfigureAwait(false);
        metrics.ItemDecided(MediaStatus.Failed, null);
        await auditLog.AppendAsync(new Data.Audit.AuditEvent("system", "processing-failed", item.Id, null), cancellationToken).ConfigureAwait(false);
        return MediaStatus.Failed;
    }

    /// <summary>Makes and records the master and its faces; the reason when the file itself cannot be processed.</summary>
    private async Task<string?> MakeMasterAsync(MediaItemRecord item, CancellationToken cancellationToken)
    {
        var uploadKey = ObjectKey.Parse(item.UploadKey);
        var masterKey = ObjectKey.Parse($"masters/{item.Id}.jpg");
        byte[]? masterBytes;
        var upload = await ReadBoundedAsync(uploadKey, cancellationToken).ConfigureAwait(false);
        if (upload.TooLarge)
        {
            return $"The upload is larger than {ingestOptions.Value.Limits.MaxBytes} bytes";
        }

        if (upload.Bytes is null)
        {
            // The original is gone: a run before this one made the master and deleted it, but died before recording.
            masterBytes = (await ReadBoundedAsync(masterKey, cancellationToken).ConfigureAwait(false)).Bytes;
            if (masterBytes is null)
            {
                return "Neither the upload nor its master is in the master store";
            }
        }
        else
        {
            var original = new PhotoContext(upload.Bytes);
            Outcome<PhotoContext> stripped;
            using (pixels.Acquire(pipeline.PixelsOf(original)))
            {
                stripped = pipeline.Strip(original);
            }

            if (!stripped.IsSuccess)
            {
                return stripped.Failure.ToString();
            }

            masterBytes = stripped.Value.Output!;
            await pendingDeletions.RecordWriteAheadAsync(
                DeletionStore.Master, masterKey.Value, time.GetUtcNow() + retention.Value.AbandonedUploadAfter, cancellationToken).ConfigureAwait(false);
            try
            {
                using var content = new MemoryStream(masterBytes, writable: false);
                await master.PutAsync(masterKey, content, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectStoreException e) when (e.Kind == ObjectStoreFailureKind.Conflict)
            {
                // An earlier run stored a master with other bytes (an encoder that is not byte-for-byte repeatable):
                // that master stays, and its faces are the ones detected below.
                masterBytes = (await ReadBoundedAsync(masterKey, cancellationToken).ConfigureAwait(false)).Bytes
                    ?? throw new InvalidOperationException($"The master {masterKey} conflicted but cannot be read", e);
            }
        }

        var toDetect = new PhotoContext(masterBytes);
        int maxSide = renditionOptions.Value.MaxLongSide;
        Outcome<PhotoContext> detected;
        using (pixels.Acquire(pipeline.PixelsOf(toDetect, maxSide)))
        {
            detected = pipeline.Detect(toDetect, maxSide);
        }

        if (!detected.IsSuccess)
        {
            return detected.Failure.ToString();
        }

        var photo = detected.Value;
        LogSteps(item.Id, string.Join(", ", photo.StepMilliseconds.Select(step => $"{step.Key} {step.Value:0} ms")));
        await mediaRecords.RecordMasterAsync(item.Id, masterKey.Value, photo.UprightWidth, photo.UprightHeight,
            FaceMapping.ToRecords(photo.Faces!), cancellationToken).ConfigureAwait(false);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Detection steps of {Media}: {Steps}")]
    private partial void LogSteps(string media, string steps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed {Media}: master and faces {MasterMs:0} ms, decision and renditions {DecideMs:0} ms")]
    private partial void LogProcessed(string media, double masterMs, double decideMs);

    private Task<(byte[]? Bytes, bool TooLarge)> ReadBoundedAsync(ObjectKey key, CancellationToken cancellationToken) =>
        StoredObjects.ReadBoundedAsync(master, key, ingestOptions.Value.Limits.MaxBytes, cancellationToken);
}
