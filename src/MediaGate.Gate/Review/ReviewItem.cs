using System.Text.Json;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Renditions;
using MediaGate.Ingest;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Review;

/// <summary>
/// The manager's review use case (issue 7, section 6): the queue of held and blocked items with the engine's
/// reasons, face boxes and assignments; a decision per item and purpose (assign faces, release, release with masks,
/// block, approve for the website or publicity), each re-deciding the item and refreshing its renditions at once;
/// and the unmasked master, for the manager only. Every decision and every look at a master is audited. The manager's
/// release is final (issue 12, section 2): it releases the purpose with every face nobody accounted for masked
/// (<see cref="ManagerRelease"/>); the released photos are listed too, for website and publicity approval.
/// </summary>
public sealed class ReviewItem(
    IMediaRepository mediaRecords,
    IDecisionRepository decisionRecords,
    IAuditLog auditLog,
    IConsentRepository consentRecords,
    IReviewActionRepository reviewActions,
    IApprovalRepository approvalRecords,
    IReviewListRepository reviewLists,
    IVideoRepository videoRecords,
    ItemStatuses itemStatuses,
    ItemRedecider redecider,
    IRenditionRefresher renditions,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore masters,
    IOptions<IngestOptions> ingest,
    IOptions<GateOptions> gate,
    TimeProvider time,
    IOptions<SettingClockOptions> clock)
{
    private const int MaxSettleRounds = 4;

    private const string InvalidDecision = "Invalid decision";

    private static readonly GateProblem NoSuchItem = GateProblem.NotFound("Not found");

    private static readonly MediaStatus[] Reviewed = [MediaStatus.Held, MediaStatus.NeedsAssignment, MediaStatus.Blocked];

    private static readonly MediaStatus[] Publishable = [MediaStatus.Released];

    /// <summary>Held, needs-assignment and blocked items, oldest first.</summary>
    public Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(int limit, CancellationToken cancellationToken = default) =>
        QueueAsync(Reviewed, limit, cancellationToken);

    /// <summary>
    /// Released items, newest first (issue 12, section 2: a photo released with nobody touching it can be approved for
    /// the website and publicity from the console); <paramref name="before"/> is the last item of the previous page.
    /// </summary>
    public async Task<IReadOnlyList<ReviewQueueItem>> PublishableAsync(int limit, string? before = null, CancellationToken cancellationToken = default)
    {
        var items = await reviewLists.ItemsNewestFirstAsync(Publishable, Math.Clamp(limit, 1, 500), before, cancellationToken).ConfigureAwait(false);
        return await ViewsAsync(items, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The items with one of <paramref name="statuses"/> (e.g. only those held now, for the dashboard), oldest first.</summary>
    public async Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(IReadOnlyCollection<MediaStatus> statuses, int limit, CancellationToken cancellationToken = default)
    {
        var items = await mediaRecords.ItemsWithStatusAsync(statuses, Math.Clamp(limit, 1, 500), cancellationToken).ConfigureAwait(false);
        return await ViewsAsync(items, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ReviewQueueItem>> ViewsAsync(IReadOnlyList<MediaItemRecord> items, CancellationToken cancellationToken)
    {
        var consent = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var queue = new List<ReviewQueueItem>(items.Count);
        foreach (var item in items)
        {
            queue.Add(await ViewAsync(item, consent, cancellationToken).ConfigureAwait(false));
        }

        return queue;
    }

    /// <summary>Reads the manager's decision from its body and applies it (<see cref="DecideAsync(string, ReviewDecision, string, CancellationToken)"/>).</summary>
    public async Task<GateOutcome<ReviewQueueItem>> DecideAsync(string mediaId, ReviewDecisionBody? body, string? actor, CancellationToken cancellationToken = default)
    {
        if (!Identifiers.IsGenerated(mediaId) || actor is null)
        {
            return NoSuchItem;
        }

        if (body is null)
        {
            return GateProblem.Invalid(InvalidDecision, "A JSON body {purpose, action, assignments?} is required.");
        }

        var (decision, problem) = body.Read();
        return decision is null
            ? GateProblem.Invalid(InvalidDecision, problem)
            : await DecideAsync(mediaId, decision, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the manager's decision: assignments, the action for the purpose, re-decision, statuses, renditions.</summary>
    public async Task<GateOutcome<ReviewQueueItem>> DecideAsync(string mediaId, ReviewDecision decision, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var item = await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return NoSuchItem;
        }

        if (item.MasterKey is null)
        {
            return GateProblem.Invalid(InvalidDecision, $"The item is {item.Status.Name()}: there is nothing to decide until it has been processed.");
        }

        var now = time.GetUtcNow();
        var before = await mediaRecords.FacesAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (decision.Assignments.Count > 0
            && !await mediaRecords.AssignFacesAsync(mediaId, decision.Assignments, actor, now, cancellationToken).ConfigureAwait(false))
        {
            return GateProblem.Invalid(InvalidDecision, "An assignment names a face that is not one of this item's faces, or a child that is not on the roster.");
        }

        await reviewActions.SetAsync(new ReviewActionRecord(mediaId, decision.Purpose, decision.Action, actor, now), cancellationToken)
            .ConfigureAwait(false);
        if (decision.Purpose is Purpose.Website or Purpose.Publicity)
        {
            if (decision.Action == ReviewAction.Block)
            {
                await approvalRecords.RevokeAsync(mediaId, decision.Purpose, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await approvalRecords.ApproveAsync(new MediaApproval(mediaId, decision.Purpose, actor, now), cancellationToken).ConfigureAwait(false);
            }
        }

        // Decided again while a consent change arrived between loading the matrix and saving the decisions made
        // from it (the change's own re-decision may have run before this saved): a withdrawal is never overwritten.
        var matrix = await consentRecords.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        var consent = matrix.Now(time, clock.Value.Zone);
        for (var round = 0; ; round++)
        {
            await redecider.RedecideAsync(item, decision.Purpose, consent, now, gate.Value.DecisionOptions, cancellationToken)
                .ConfigureAwait(false);
            var latest = await consentRecords.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
            consent = latest.Now(time, clock.Value.Zone);
            if (latest.RecordCount == matrix.RecordCount)
            {
                break;
            }

            if (round == MaxSettleRounds)
            {
                throw new InvalidOperationException($"The consents kept changing while item {mediaId} was reviewed.");
            }

            matrix = latest;
        }
        await itemStatuses.UpdateAsync(mediaId, cancellationToken).ConfigureAwait(false);
        await renditions.RefreshAsync(mediaId, cancellationToken).ConfigureAwait(false);
        await auditLog.AppendAsync(new AuditEvent(actor, "decision", mediaId, JsonSerializer.Serialize(new
        {
            purpose = decision.Purpose.Name(),
            action = decision.Action.ToString().ToLowerInvariant(),
            // With the detection's score and strength: a dismissal ("not a face") is spot-checked by them (issue 12, section 2).
            assignments = decision.Assignments.Select(a => before.FirstOrDefault(f => f.FaceId == a.FaceId) is { } face
                ? new { faceId = a.FaceId, number = (int?)face.Number, assignment = a.Assignment.ToString(), kind = a.Assignment.Kind.Name(), score = (float?)face.Score, faint = (bool?)face.Uncertain }
                : new { faceId = a.FaceId, number = (int?)null, assignment = a.Assignment.ToString(), kind = a.Assignment.Kind.Name(), score = (float?)null, faint = (bool?)null }),
        })), cancellationToken).ConfigureAwait(false);

        var updated = await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(updated!, consent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The unmasked, metadata-free master (authenticated to its end before it is returned); null when there is none. Audited.</summary>
    public async Task<byte[]?> ReadMasterAsync(string mediaId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var item = await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item?.MasterKey is null)
        {
            return null;
        }

        var bytes = await StoredObjects.ReadAllAsync(masters, ObjectKey.Parse(item.MasterKey), ingest.Value.Limits.MaxBytes, cancellationToken)
            .ConfigureAwait(false);
        if (bytes is not null)
        {
            await auditLog.AppendAsync(new AuditEvent(actor, "view-master", mediaId), cancellationToken).ConfigureAwait(false);
        }

        return bytes;
    }

    private async Task<ConsentSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var matrix = await consentRecords.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        return matrix.Now(time, clock.Value.Zone);
    }

    private async Task<ReviewQueueItem> ViewAsync(MediaItemRecord item, ConsentSnapshot consent, CancellationToken cancellationToken)
    {
        var faces = await mediaRecords.FacesAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var kind = await videoRecords.KindOfAsync(item.Id, cancellationToken).ConfigureAwait(false) ?? MediaKinds.Photo;
        var tracks = kind == MediaKinds.Video
            ? (await videoRecords.TracksAsync(item.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Number)
            : [];
        // The item's own kind for the reasons' words: a decision stored before requests kept the kind reads as a photo.
        var mediaKind = MediaKinds.Of(kind);
        var stored = (await decisionRecords.OfMediaAsync(item.Id, cancellationToken).ConfigureAwait(false))
            .Select(d => d.Request.Item.Kind == mediaKind ? d : d with { Request = d.Request with { Item = d.Request.Item with { Kind = mediaKind } } })
            .ToArray();
        var actions = await reviewActions.OfMediaAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var approved = (await approvalRecords.OfMediaAsync(item.Id, cancellationToken).ConfigureAwait(false)).Select(a => a.Purpose).ToArray();
        // The reasons as of now, recomputed from the stored inputs (a pure function): what the manager acts on.
        var decisions = stored.Select(d => (Stored: d, Now: ConsentDecisionEngine.Decide(d.Request, consent))).ToArray();
        return new ReviewQueueItem(
            item.Id,
            item.Status.Name(),
            item.StatusDetail,
            item.CreatedAt,
            item.Width,
            item.Height,
            item.TaggedChildren.Select(c => c.Value).ToArray(),
            faces.Select(f => new ReviewFace(
                f.FaceId, f.Number, f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height, f.Score, f.Uncertain, f.Assignment.Kind.Name(), f.Assignment.Child?.Value,
                tracks.GetValueOrDefault(f.Number)?.FirstMs, tracks.GetValueOrDefault(f.Number)?.LastMs)).ToArray(),
            decisions.Select(d => new ReviewDecisionView(
                d.Stored.Request.Purpose.Name(),
                d.Stored.Request.Audience.Key,
                d.Stored.Verdict.ToString().ToLowerInvariant(),
                d.Stored.Faces.Select(v => v.ToString().ToLowerInvariant()).ToArray(),
                d.Now.Reasons.Select(r => new ReviewReason(r.Code.ToString(), r.Effect.ToString().ToLowerInvariant(), r.Message, r.Face, r.Child?.Value)).ToArray()))
                .ToArray(),
            actions.ToDictionary(a => a.Purpose.Name(), a => a.Action.ToString().ToLowerInvariant()),
            ItemSummary.Of(decisions, approved, actions, consent),
            kind);
    }
}
