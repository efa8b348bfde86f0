using System.Text.Json;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Events;
using MediaGate.Gate.Review;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MediaGate.Data.Events;

namespace MediaGate.Gate.Processing;

/// <summary>
/// Decides a processed item and brings its renditions and status in line: the path processing and every face
/// assignment from a tablet take (issue 7, section 6: "each assignment re-decides the item at once").
/// The first time, it decides the journal for the parents of each tagged child and the website and publicity
/// for the public (held until the manager approves), and, when the observation names an event, the events purpose
/// for the attendees' families (<see cref="EventAudience"/>), with the setting's options (<see cref="GateOptions"/>). Later, it
/// re-decides every stored decision the way the manager's review does (<see cref="ItemRedecider"/>: current faces,
/// approvals, review actions), and the status follows the review's rule (<see cref="ItemStatusRule"/>).
/// Order matters for crash safety: decisions are stored, the renditions refreshed, and the status written
/// last, so a status other than <c>processing</c> means everything before it happened.
/// </summary>
public sealed class DecideItem(
    IMediaRepository mediaRecords,
    IDecisionRepository decisionRecords,
    IAuditLog auditLog,
    IConsentRepository consentRecords,
    IReviewActionRepository reviewActions,
    IApprovalRepository approvalRecords,
    IEventRepository eventRecords,
    IVideoRepository videoRecords,
    ItemRedecider redecider,
    IRenditionRefresher renditions,
    IOptions<GateOptions> options,
    IOptions<SettingClockOptions> clock,
    TimeProvider time,
    GateMetrics metrics,
    ILogger<DecideItem> logger)
{
    /// <summary>Who assigned a face the engine assigned itself (<c>assigned_by</c>).</summary>
    public const string AutoAssigner = "auto";

    private const int MaxSettleRounds = 4;

    private static readonly Purpose[] PublicPurposes = [Purpose.Website, Purpose.Publicity];
    private static readonly MediaStatus[] ReviewStatuses = [MediaStatus.Held, MediaStatus.Blocked, MediaStatus.NeedsAssignment];

    /// <summary>
    /// Decides the item as its faces and assignments stand now; <see cref="MediaStatus.Processing"/> when it has
    /// no master yet (nothing to decide), null when there is no such item.
    /// </summary>
    /// <param name="mediaId">The item.</param>
    /// <param name="actor">Who caused it: "system" for the worker, else the account that assigned faces.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<MediaStatus?> DecideAsync(string mediaId, string actor, CancellationToken cancellationToken)
    {
        var item = await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        if (item.MasterKey is null)
        {
            return MediaStatus.Processing;
        }

        var matrix = await consentRecords.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        var consent = matrix.Now(time, clock.Value.Zone);
        DateTimeOffset now = time.GetUtcNow();
        var stored = await decisionRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (stored.Count == 0)
        {
            await DecideFirstAsync(item, consent, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await redecider.RedecideAsync(item, Purpose.Journal, consent, now, options.Value.DecisionOptions, cancellationToken).ConfigureAwait(false);
        }

        consent = await SettleAsync(item, matrix, cancellationToken).ConfigureAwait(false);
        await renditions.RefreshAsync(mediaId, cancellationToken).ConfigureAwait(false);

        var decisions = await decisionRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var actions = await reviewActions.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var status = ItemStatusRule.Of(decisions, actions);
        var detail = StatusDetail.From(decisions.Where(d => d.Request.Purpose == Purpose.Journal).Select(d => ConsentDecisionEngine.Decide(d.Request, consent)));
        await mediaRecords.SetStatusAsync(mediaId, status, detail, cancellationToken).ConfigureAwait(false);

        metrics.ItemDecided(status, item.Status == MediaStatus.Processing ? now - item.CreatedAt : null);
        await CountReviewQueueAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Decided item {Media}: {Status}", mediaId, status.Name());
        await auditLog.AppendAsync(new AuditEvent(actor, "decision", mediaId, JsonSerializer.Serialize(new
        {
            status = status.Name(),
            decisions = decisions.Select(d => new { purpose = d.Request.Purpose.Name(), audience = d.Request.Audience.Key, verdict = d.Verdict.ToString() }),
        })), cancellationToken).ConfigureAwait(false);
        return status;
    }

    /// <summary>
    /// Re-decides while a consent change arrived between loading the matrix and saving the decisions made from it.
    /// <see cref="Consents.ChangeConsent"/> appends first and then re-decides the stored decisions relying on the
    /// cell; a decision this saved after that re-decision, from the matrix loaded before the append, would
    /// otherwise release a child whose consent was just withdrawn. A change appended after the last reload here
    /// finds the decisions saved and re-decides them itself. Fails (the item stays <c>processing</c>, the worker
    /// tries again) rather than make renditions from a matrix that keeps changing.
    /// </summary>
    private async Task<ConsentSnapshot> SettleAsync(MediaItemRecord item, ConsentMatrix decidedFrom, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxSettleRounds; round++)
        {
            var latest = await consentRecords.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
            var consent = latest.Now(time, clock.Value.Zone);
            if (latest.RecordCount == decidedFrom.RecordCount)
            {
                return consent;
            }

            logger.LogInformation("Consent changed while item {Media} was decided: deciding again", item.Id);
            decidedFrom = latest;
            await redecider.RedecideAsync(item, Purpose.Journal, consent, time.GetUtcNow(), options.Value.DecisionOptions, cancellationToken)
                .ConfigureAwait(false);
        }

        throw new InvalidOperationException($"The consents kept changing while item {item.Id} was decided; it is decided again later.");
    }

    /// <summary>Counts the items waiting for a person, for the review queue gauge.</summary>
    public async Task CountReviewQueueAsync(CancellationToken cancellationToken)
    {
        var counts = await mediaRecords.CountByStatusAsync(cancellationToken).ConfigureAwait(false);
        metrics.ReviewQueueCounted(ReviewStatuses.Sum(s => counts.GetValueOrDefault(s)));
    }

    private async Task DecideFirstAsync(MediaItemRecord item, ConsentSnapshot consent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var faces = await mediaRecords.FacesAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var approvals = await approvalRecords.OfMediaAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var attended = await eventRecords.OfMediaAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var kind = MediaKinds.Of(await videoRecords.KindOfAsync(item.Id, cancellationToken).ConfigureAwait(false));
        var media = new MediaItem(new MediaItemId(item.Id), item.TaggedChildren, faces.Select(f => f.ToMediaFace()).ToArray(), kind);
        var settingOptions = options.Value.DecisionOptions;
        var requests = item.TaggedChildren.Select(child => new DecisionRequest(media, Purpose.Journal, Audience.ParentOf(child), false, settingOptions))
            .Concat(PublicPurposes.Select(purpose =>
                new DecisionRequest(media, purpose, Audience.Public, approvals.Any(a => a.Purpose == purpose), settingOptions)))
            .Concat(attended is null ? [] : [new DecisionRequest(media, Purpose.Events, EventAudience.Of(attended), false, settingOptions)]);
        var autoAssigned = new Dictionary<int, FaceAssignment>();
        foreach (var request in requests)
        {
            var decision = ConsentDecisionEngine.Decide(request, consent);
            await decisionRecords.SaveAsync(StoredDecision.From(Guid.NewGuid().ToString("N"), request, decision, now), cancellationToken).ConfigureAwait(false);
            if (decision.HasReason(ReasonCode.AutoAssigned))
            {
                foreach (var face in decision.Faces.Where(f => f.Assignment.Kind == FaceAssignmentKind.Child))
                {
                    autoAssigned[face.Face] = face.Assignment;
                }
            }
        }

        // The engine's own assignment (one tagged child and one candidate face, certain or else faint: product.md, "Who is
        // in a photo") is kept, so the tablet and the review show it and later re-decisions start from it. Matching counts
        // assign nothing: those faces stay unassigned, shown only in the journal.
        var changes = faces.Where(f => f.Assignment.Kind == FaceAssignmentKind.Unassigned && autoAssigned.ContainsKey(f.Number))
            .Select(f => new FaceAssignmentChange(f.FaceId, autoAssigned[f.Number])).ToArray();
        if (changes.Length > 0)
        {
            await mediaRecords.AssignFacesAsync(item.Id, changes, AutoAssigner, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
