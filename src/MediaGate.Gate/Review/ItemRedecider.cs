using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data;
using MediaGate.Data.Events;
using MediaGate.Data.Media;
using MediaGate.Gate.Events;

namespace MediaGate.Gate.Review;

/// <summary>
/// Re-decides every stored decision of an item from its current faces and assignments, the manager's approvals
/// and review actions, and the consent as of now; adds the decisions a review needs that processing did not make
/// (the public audience for a website or publicity approval, a parent audience per tagged child for the journal, and
/// for an item of an event its events audience, whatever was reviewed). A purpose the manager released (or released
/// with masks) is decided as <see cref="ManagerRelease"/> settles it whenever the engine would otherwise hold it.
/// </summary>
public sealed class ItemRedecider(
    IMediaRepository mediaRecords,
    IDecisionRepository decisionRecords,
    IApprovalRepository approvalRecords,
    IReviewActionRepository reviewActions,
    IEventRepository eventRecords,
    IVideoRepository videoRecords)
{
    /// <param name="item">The processed item.</param>
    /// <param name="reviewed">The purpose whose missing decisions are added.</param>
    /// <param name="consent">The matrix as of now.</param>
    /// <param name="now">The decisions' time.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="settingOptions">The setting's options (<see cref="GateOptions.DecisionOptions"/>); when null, the
    /// first stored decision's. A manager's release or mask applies on top of them, so taking it back (block) takes effect.</param>
    public async Task RedecideAsync(
        MediaItemRecord item, Purpose reviewed, ConsentSnapshot consent, DateTimeOffset now, DecisionOptions? settingOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var faces = await mediaRecords.FacesAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var kind = MediaKinds.Of(await videoRecords.KindOfAsync(item.Id, cancellationToken).ConfigureAwait(false));
        var media = new MediaItem(new MediaItemId(item.Id), item.TaggedChildren, faces.Select(f => f.ToMediaFace()).ToArray(), kind);
        var stored = await decisionRecords.OfMediaAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var approved = (await approvalRecords.OfMediaAsync(item.Id, cancellationToken).ConfigureAwait(false)).Select(a => a.Purpose).ToHashSet();
        var actions = await reviewActions.OfMediaAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var options = settingOptions ?? (stored.Count > 0 ? stored[0].Request.Options : DecisionOptions.Default);

        var attended = await eventRecords.OfMediaAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var targets = stored.Select(d => (d.Request.Purpose, d.Request.Audience, d.Id)).ToList();
        var missing = AudiencesFor(reviewed, item, attended).Select(a => (reviewed, a));
        if (attended is not null)
        {
            missing = missing.Append((Purpose.Events, EventAudience.Of(attended)));
        }

        foreach (var (purpose, audience) in missing)
        {
            if (!targets.Any(t => t.Purpose == purpose && t.Audience.Equals(audience)))
            {
                targets.Add((purpose, audience, Guid.NewGuid().ToString("N")));
            }
        }

        foreach (var (purpose, audience, id) in targets)
        {
            // The manager's release or mask of the purpose is final (issue 12, section 2): it releases with masks
            // whatever the setting's journal-mask choice, and a hold that waits for a person's answer ends with
            // every face nobody accounted for masked (ManagerRelease). A block (the engine's or the manager's) stays.
            var released = actions.Any(a => a.Purpose == purpose && a.Action is ReviewAction.Release or ReviewAction.Mask);
            var request = new DecisionRequest(
                media,
                purpose,
                audience,
                approved.Contains(purpose),
                released ? options with { JournalPhotoNeedingMasks = JournalMaskPolicy.MaskAndRelease } : options);
            var decision = ConsentDecisionEngine.Decide(request, consent);
            if (released && decision.Verdict == Verdict.Hold)
            {
                request = request with { Item = ManagerRelease.Settle(media) };
                decision = ConsentDecisionEngine.Decide(request, consent);
            }

            await decisionRecords.SaveAsync(StoredDecision.From(id, request, decision, now), cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<Audience> AudiencesFor(Purpose purpose, MediaItemRecord item, EventRecord? attended) => purpose switch
    {
        Purpose.Journal => item.TaggedChildren.Select(Audience.ParentOf),
        Purpose.Website or Purpose.Publicity => [Audience.Public],
        Purpose.Events when attended is not null => [EventAudience.Of(attended)],
        _ => [], // events for an item of no event: nobody attended, so no family receives it
    };
}
