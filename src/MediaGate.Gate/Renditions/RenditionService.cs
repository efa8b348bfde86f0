using System.Data.Common;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Data.Retention;
using MediaGate.Gate.Retention;
using MediaGate.Ingest;
using MediaGate.Ingest.Concurrency;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Render;
using MediaGate.Ingest.Sniff;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Renditions;

/// <summary>
/// The renditions use case (issue 7, section 5): brings an item's renditions in line with its stored decisions.
/// A decision that releases (see <see cref="RenditionPolicy"/>) gets its rendition made from the master with the
/// faces it masks, under a new random key, recorded, and the previous one deleted; any other decision, or a
/// rendition without a decision, is withdrawn (object and row). Idempotent: a rendition whose fingerprint
/// matches its decision is kept as it is.
/// <para>Safe on several nodes: after its writes a refresh reads the item's decisions again, and when they
/// changed meanwhile (a consent change or review on another node) it runs again, so the last refresh to finish
/// always works from the newest decisions.</para>
/// <para>Memory: at most <c>Renditions:ConcurrentRenders</c> items render at once, and each first takes its decoded
/// pixels from the process's one <see cref="PixelBudget"/> (<c>Ingest:PixelsInFlight</c>), which processing draws on
/// too, so renders and processing together never decode more than that bound (eng/load.sh: the service's peak).</para>
/// </summary>
public sealed partial class RenditionService : IRenditionRefresher, IDisposable
{
    private const int MaxRounds = 4;
    private readonly IMediaRepository _mediaRecords;
    private readonly IDecisionRepository _decisionRecords;
    private readonly IApprovalRepository _approvalRecords;
    private readonly IReviewActionRepository _reviewActions;
    private readonly IRenditionRepository _renditionRecords;
    private readonly ITextRegionRepository _textRegions;
    private readonly IPendingDeletions _pendingDeletions;
    private readonly IObjectStore _masters;
    private readonly IObjectStore _renditions;
    private readonly RenditionOptions _rendition;
    private readonly IngestOptions _ingest;
    private readonly TimeProvider _time;
    private readonly ILogger<RenditionService> _logger;
    private readonly SemaphoreSlim _renders;
    private readonly PixelBudget _pixels;
    private readonly TimeSpan _writeAheadFor;
    private readonly TextRegionScanner _text;
    private readonly bool _ownsText;

    public RenditionService(
        IMediaRepository mediaRecords,
        IDecisionRepository decisionRecords,
        IApprovalRepository approvalRecords,
        IReviewActionRepository reviewActions,
        IRenditionRepository renditionRecords,
        ITextRegionRepository textRegions,
        IPendingDeletions pendingDeletions,
        [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore masters,
        [FromKeyedServices(StorageServiceCollectionExtensions.RenditionStore)] IObjectStore renditions,
        IOptions<RenditionOptions> rendition,
        IOptions<IngestOptions> ingest,
        PixelBudget pixels,
        TimeProvider time,
        ILogger<RenditionService> logger,
        IOptions<RetentionOptions>? retention = null,
        TextRegionScanner? text = null)
    {
        ArgumentNullException.ThrowIfNull(rendition);
        ArgumentNullException.ThrowIfNull(ingest);
        _mediaRecords = mediaRecords;
        _decisionRecords = decisionRecords;
        _approvalRecords = approvalRecords;
        _reviewActions = reviewActions;
        _renditionRecords = renditionRecords;
        _textRegions = textRegions;
        _pendingDeletions = pendingDeletions;
        _masters = masters;
        _renditions = renditions;
        _rendition = rendition.Value;
        _ingest = ingest.Value;
        _time = time;
        _logger = logger;
        _pixels = pixels;
        _renders = new SemaphoreSlim(_rendition.ConcurrentRenders);
        _writeAheadFor = (retention?.Value ?? new RetentionOptions()).AbandonedUploadAfter;
        _ownsText = text is null;
        _text = text ?? TextRegionScanner.Installed();
    }

    public void Dispose()
    {
        _renders.Dispose();
        if (_ownsText)
        {
            _text.Dispose();
        }
    }

    public async Task RefreshAsync(string mediaId, CancellationToken cancellationToken = default) =>
        await RefreshItemAsync(mediaId, cancellationToken).ConfigureAwait(false);

    /// <summary>Refreshes the item's renditions and says what was done.</summary>
    public async Task<RenditionRefresh> RefreshItemAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaId);
        var total = RenditionRefresh.None;
        for (var round = 1; ; round++)
        {
            var before = await _decisionRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
            try
            {
                total = total.Plus(await RefreshOnceAsync(mediaId, before, cancellationToken).ConfigureAwait(false));
            }
            catch (DbException e) when (round < MaxRounds)
            {
                // Another node saved a rendition of the same item, purpose and audience at the same moment: run again.
                LogConcurrentSave(mediaId, e.Message);
                continue;
            }

            var after = await _decisionRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
            if (Same(before, after))
            {
                return total;
            }

            if (round >= MaxRounds)
            {
                // Decisions keep changing under us: whoever changes them refreshes after, and that refresh finishes the job.
                LogStillChanging(mediaId, round);
                return total;
            }
        }
    }

    private async Task<RenditionRefresh> RefreshOnceAsync(string mediaId, IReadOnlyList<StoredDecision> decisions, CancellationToken cancellationToken)
    {
        var item = await _mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var existing = await _renditionRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var wanted = new Dictionary<(Purpose, string), StoredDecision>();
        if (item?.MasterKey is not null)
        {
            var approved = await ApprovedPurposesAsync(mediaId, cancellationToken).ConfigureAwait(false);
            var actions = await _reviewActions.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
            foreach (var decision in decisions.Where(d => RenditionPolicy.Releases(d, approved, actions)))
            {
                wanted[(decision.Request.Purpose, decision.Request.Audience.Key)] = decision;
            }
        }

        // Website and publicity mask text too (issue 15): searched once, on the first such rendition; without a scan
        // (no text model, too many regions, no master) they are withheld, never released with text unmasked.
        IReadOnlyList<DetectedFace> text = [];
        if (wanted.Keys.Any(k => TextInRenditions.Applies(k.Item1)))
        {
            var found = await TextMasksAsync(item!, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                foreach (var key in wanted.Keys.Where(k => TextInRenditions.Applies(k.Item1)).ToList())
                {
                    wanted.Remove(key);
                }
            }
            else
            {
                text = found;
            }
        }

        int withdrawn = 0, kept = 0, made = 0, failed = 0;
        foreach (var rendition in existing.Where(r => !wanted.ContainsKey((r.Purpose, r.AudienceKey))))
        {
            await WithdrawAsync(rendition, cancellationToken).ConfigureAwait(false);
            withdrawn++;
        }

        var toMake = new List<(StoredDecision Decision, RenditionRecord? Current, string Fingerprint)>();
        foreach (var ((purpose, audience), decision) in wanted)
        {
            var current = existing.FirstOrDefault(r => r.Purpose == purpose && r.AudienceKey == audience);
            var fingerprint = RenditionFingerprint.Of(item!.MasterKey!, TextInRenditions.Masks(decision, text), _rendition, _ingest);
            if (current is not null && RenditionKeys.FingerprintOf(current.ObjectKey) == fingerprint)
            {
                kept++;
            }
            else
            {
                toMake.Add((decision, current, fingerprint));
            }
        }

        if (toMake.Count == 0)
        {
            return new RenditionRefresh(0, kept, withdrawn, 0);
        }

        // Audiences that see the same pixels (both parents of a two-child photo shown to each other) share one render.
        var groups = toMake.GroupBy(m => TextInRenditions.PixelsKey(m.Decision, text), StringComparer.Ordinal).ToList();
        int rendered = 0;
        await _renders.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var bytes = await ReadMasterAsync(item!, cancellationToken).ConfigureAwait(false);
            using (await _pixels.AcquireAsync(PixelsToRender(bytes, groups.Count), cancellationToken).ConfigureAwait(false))
            {
                // What processing (or another render) left behind goes first: after a detection, its decoded photo and
                // tensors are garbage, and this master's decode would otherwise come on top of them (eng/load.sh).
                MemoryRelief.ReleaseIfLarge();
                var master = bytes is null ? null : DecodeMaster(item!, bytes);
                for (int i = 0; i < groups.Count; i++)
                {
                    var first = groups[i].First().Decision;

                    // The last picture masks the master itself: no other needs it afterwards, and a copy would double the pixels.
                    var pixels = master is null ? null : i == groups.Count - 1 ? master : master with { Image = master.Image.Clone() };
                    var picture = Render(pixels, first, text);
                    rendered += pixels is null ? 0 : 1;
                    foreach (var (decision, current, fingerprint) in groups[i])
                    {
                        if (await StoreAsync(mediaId, picture, decision, current, fingerprint, cancellationToken).ConfigureAwait(false))
                        {
                            made++;
                        }
                        else
                        {
                            failed++;
                        }
                    }
                }
            }
        }
        finally
        {
            _renders.Release();

            // A render's master and copy are garbage now; without this a burst of consent changes grows the heap.
            MemoryRelief.ReleaseIfLarge();
        }

        return new RenditionRefresh(made, kept, withdrawn, failed, rendered);
    }

    /// <summary>
    /// What a render holds at once: the master decoded for the rendition's size (a 12 MP JPEG in the DCT at 5/8, about
    /// 4.8 MP), twice when one copy is masked while the other waits, and the reduced picture. 0 for a master that
    /// cannot be read (nothing is decoded).
    /// </summary>
    private long PixelsToRender(byte[]? master, int pictures)
    {
        if (master is null || InputGuard.Inspect(master, _ingest.Limits) is not { IsSuccess: true } header)
        {
            return 0;
        }

        int side = _rendition.MaxLongSide;
        return PhotoReader.PixelsWithin(header.Value, side) + (pictures > 1 ? PhotoReader.DecodedPixelsWithin(header.Value, side) : 0);
    }

    /// <summary>The master's bytes; null (logged) when it is missing, too large or the store fails.</summary>
    private async Task<byte[]?> ReadMasterAsync(MediaItemRecord item, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await StoredObjects.ReadAllAsync(_masters, ObjectKey.Parse(item.MasterKey!), _ingest.Limits.MaxBytes, cancellationToken)
                .ConfigureAwait(false);
            if (bytes is null)
            {
                LogMasterProblem(item.Id, "the master is missing from the store");
            }

            return bytes;
        }
        catch (Exception e) when (e is ObjectStoreException or InvalidDataException)
        {
            LogMasterProblem(item.Id, e.Message);
            return null;
        }
    }

    /// <summary>
    /// The master decoded, upright, for the rendition's size (<see cref="PhotoReader.ReadUpright(ReadOnlySpan{byte}, IngestLimits, int)"/>):
    /// masks are planned from full-size boxes and applied to this picture before its reduction. Null (logged) when it
    /// cannot be decoded or is not the size the item recorded: those faces do not belong to this picture.
    /// </summary>
    private UprightPhoto? DecodeMaster(MediaItemRecord item, byte[] bytes)
    {
        var photo = PhotoReader.ReadUpright(bytes, _ingest.Limits, _rendition.MaxLongSide);
        if (!photo.IsSuccess)
        {
            LogMasterProblem(item.Id, photo.Failure.ToString());
            return null;
        }

        var header = photo.Value.Header;
        if (item.Width is { } width && item.Height is { } height && (header.UprightWidth, header.UprightHeight) != (width, height))
        {
            LogMasterProblem(item.Id, $"the master is {header.UprightWidth}x{header.UprightHeight}, the item says {width}x{height}");
            return null;
        }

        return photo.Value;
    }

    private Outcome<RenderedPhoto> Render(UprightPhoto? upright, StoredDecision decision, IReadOnlyList<DetectedFace> text) =>
        upright is null
            ? Outcome<RenderedPhoto>.Fail(IngestFailureKind.Io, "the master could not be read")
            : RenditionRenderer.Render(upright, TextInRenditions.Masks(decision, text), _rendition, _ingest.Mask, TextInRenditions.Yield(decision, text));

    /// <summary>The mask boxes of the item's masked text regions, scanning the master first if it never was; null when it cannot be scanned.</summary>
    private async Task<IReadOnlyList<DetectedFace>?> TextMasksAsync(MediaItemRecord item, CancellationToken cancellationToken)
    {
        if (await _textRegions.ScanOfAsync(item.Id, cancellationToken).ConfigureAwait(false) is null
            && !await ScanForTextAsync(item, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var regions = await _textRegions.OfMediaAsync(item.Id, cancellationToken).ConfigureAwait(false);
        return TextInRenditions.MaskBoxes(regions, _ingest.Mask.Margin);
    }

    /// <summary>Searches the master for text at the rendition size and records what was found; false when it cannot.</summary>
    private async Task<bool> ScanForTextAsync(MediaItemRecord item, CancellationToken cancellationToken)
    {
        var detector = _text.Detector;
        if (!detector.IsSuccess)
        {
            LogTextWithheld(item.Id, detector.Failure.ToString());
            return false;
        }

        Outcome<IReadOnlyList<Ingest.Text.TextRegion>> found;
        await _renders.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var bytes = await ReadMasterAsync(item, cancellationToken).ConfigureAwait(false);
            using (await _pixels.AcquireAsync(PixelsToRender(bytes, 1), cancellationToken).ConfigureAwait(false))
            {
                var master = bytes is null ? null : DecodeMaster(item, bytes);
                if (master is null)
                {
                    return false;
                }

                // Searched on the picture decoded for the rendition's size; the regions are kept in full-size pixels.
                found = detector.Value.Detect(master.Image, _rendition.MaxLongSide);
                if (found.IsSuccess)
                {
                    var geometry = master.Geometry;
                    found = found.Value.Select(geometry.ToFullSize).ToList();
                }
            }
        }
        finally
        {
            _renders.Release();
        }

        if (!found.IsSuccess)
        {
            LogTextWithheld(item.Id, found.Failure.ToString());
            return false;
        }

        var records = found.Value.Select((r, i) => new TextRegionRecord(item.Id, i + 1, r.X, r.Y, r.Width, r.Height, r.Score)).ToList();
        await _textRegions.SaveScanAsync(new TextScan(item.Id, detector.Value.Name, _time.GetUtcNow(), records.Count), records, cancellationToken)
            .ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Stores one rendition. The previous one is deleted before the new one is written, so that a rendition that
    /// showed a face which must now be masked never outlives this call, even if the process dies half-way (the row
    /// then points at nothing, which reads as "not found", and the next refresh makes it).
    /// </summary>
    private async Task<bool> StoreAsync(
        string mediaId, Outcome<RenderedPhoto> rendered, StoredDecision decision, RenditionRecord? current, string fingerprint, CancellationToken cancellationToken)
    {
        if (current is not null)
        {
            await _renditions.DeleteAsync(ObjectKey.Parse(current.ObjectKey), cancellationToken).ConfigureAwait(false);
        }

        if (!rendered.IsSuccess)
        {
            LogRenderFailed(mediaId, decision.Request.Purpose.Name(), rendered.Failure.ToString());
            if (current is not null)
            {
                await _renditionRecords.DeleteAsync(current.Id, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        var key = RenditionKeys.New(fingerprint);

        // Written down before its bytes (issue 13): a crash before the row commits leaves an entry, not an orphaned picture.
        await _pendingDeletions.RecordWriteAheadAsync(DeletionStore.Renditions, key.Value, _time.GetUtcNow() + _writeAheadFor, cancellationToken).ConfigureAwait(false);
        using (var content = new MemoryStream(rendered.Value.Jpeg, writable: false))
        {
            await _renditions.PutAsync(key, content, cancellationToken).ConfigureAwait(false);
        }

        var record = new RenditionRecord(
            RenditionKeys.NewId(), mediaId, decision.Request.Purpose, decision.Request.Audience.Key, key.Value,
            rendered.Value.Width, rendered.Value.Height, (current?.Revision ?? 0) + 1, _time.GetUtcNow());
        RenditionRecord? replaced;
        try
        {
            replaced = await _renditionRecords.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // Not recorded (another node saved the same rendition at the same moment): no object without a row.
            await _renditions.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (replaced is not null && replaced.ObjectKey != current?.ObjectKey)
        {
            // Another node made one in between: ours replaced it, so its object goes too.
            await _renditions.DeleteAsync(ObjectKey.Parse(replaced.ObjectKey), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Object first, then row: a crash in between leaves a row that reads as "not found", never an orphaned picture.</summary>
    private async Task WithdrawAsync(RenditionRecord rendition, CancellationToken cancellationToken)
    {
        await _renditions.DeleteAsync(ObjectKey.Parse(rendition.ObjectKey), cancellationToken).ConfigureAwait(false);
        await _renditionRecords.DeleteAsync(rendition.Id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HashSet<Purpose>> ApprovedPurposesAsync(string mediaId, CancellationToken cancellationToken)
    {
        var approvals = await _approvalRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        return approvals.Select(a => a.Purpose).ToHashSet();
    }

    private static bool Same(IReadOnlyList<StoredDecision> before, IReadOnlyList<StoredDecision> after) =>
        before.Count == after.Count
        && before.Zip(after).All(pair => pair.First.Id == pair.Second.Id
            && pair.First.DecidedAt == pair.Second.DecidedAt
            && pair.First.Verdict == pair.Second.Verdict
            && pair.First.Faces.SequenceEqual(pair.Second.Faces));

    [LoggerMessage(Level = LogLevel.Error, Message = "Website and publicity renditions of {MediaId} withheld: its text could not be searched ({Problem})")]
    private partial void LogTextWithheld(string mediaId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Renditions of {MediaId} withheld: {Problem}")]
    private partial void LogMasterProblem(string mediaId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Purpose} rendition of {MediaId} could not be made and is withheld: {Failure}")]
    private partial void LogRenderFailed(string mediaId, string purpose, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Renditions of {MediaId} saved concurrently by another node; refreshing again ({Problem})")]
    private partial void LogConcurrentSave(string mediaId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The decisions of {MediaId} kept changing during {Rounds} refreshes; the latest change's own refresh completes it")]
    private partial void LogStillChanging(string mediaId, int rounds);
}
