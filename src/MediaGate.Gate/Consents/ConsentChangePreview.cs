using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Gate.Outcomes;

namespace MediaGate.Gate.Consents;

/// <summary>
/// What a consent change would re-make or withdraw if saved (README, <c>POST /api/manager/consents/preview</c>; issue 8:
/// the grid "shows which items a change will affect before it is saved"). Computed by <see cref="ChangeConsent.PreviewAsync"/>,
/// the same re-evaluation the save runs; nothing is saved or audited. Items newest first.
/// </summary>
public sealed class ConsentChangePreview(ChangeConsent changeConsent, IMediaRepository media, IRenditionRepository renditions, IVideoRepository videos)
{
    public async Task<GateOutcome<IReadOnlyList<ConsentPreviewItem>>> PreviewAsync(ConsentChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!Identifiers.IsAcceptable(change.Child.Value))
        {
            return ChangeConsent.UnknownChild;
        }

        var outcome = await changeConsent.PreviewAsync(change, cancellationToken).ConfigureAwait(false);
        if (!outcome.IsSuccess)
        {
            return outcome.Problem;
        }

        var items = new List<ConsentPreviewItem>();
        foreach (var byItem in outcome.Value.Changes.GroupBy(c => c.Before.Request.Item.Id.Value, StringComparer.Ordinal))
        {
            items.Add(await ItemAsync(byItem.Key, byItem.ToArray(), cancellationToken).ConfigureAwait(false));
        }

        return items.OrderByDescending(i => i.TakenAt).ThenBy(i => i.MediaId, StringComparer.Ordinal).ToArray();
    }

    private async Task<ConsentPreviewItem> ItemAsync(string mediaId, IReadOnlyList<DecisionChange> itemChanges, CancellationToken cancellationToken)
    {
        var item = await media.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var observation = item is null ? null : await media.FindObservationAsync(item.ObservationId, cancellationToken).ConfigureAwait(false);
        var changes = new List<ConsentPreviewChange>();
        foreach (var c in itemChanges)
        {
            // True counts (issue 13): only a rendition that exists now is shown to anyone and can come down.
            bool shown = c.Change != RenditionChange.Reconsider
                && await renditions.FindAsync(mediaId, c.Before.Request.Purpose, c.Before.Request.Audience.Key, cancellationToken).ConfigureAwait(false) is not null;
            changes.Add(new ConsentPreviewChange(
                c.Before.Request.Purpose.Name(), c.Before.Request.Audience.Key, c.Change.ToString().ToLowerInvariant(), c.After.Verdict.ToString().ToLowerInvariant(),
                shown, shown && StaysShown(c.Before.Request.Audience.Kind, c.After)));
        }

        return new ConsentPreviewItem(
            mediaId,
            itemChanges.Select(c => c.Before.Request.Purpose.Name()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            observation?.CapturedAt,
            changes.OrderBy(c => c.Purpose, StringComparer.Ordinal).ThenBy(c => c.Audience, StringComparer.Ordinal).ToArray(),
            await videos.KindOfAsync(mediaId, cancellationToken).ConfigureAwait(false) ?? MediaKinds.Photo);
    }

    /// <summary>
    /// Whether a rendition shown now is still shown after the change: released again, and for the public (website,
    /// publicity) only with every child's face shown, as the renditions' policy requires (a child masked takes the
    /// photo off the website rather than onto it masked).
    /// </summary>
    private static bool StaysShown(AudienceKind audience, MediaDecision after) =>
        after.Verdict == Verdict.Release
        && (audience != AudienceKind.Public || !after.Faces.Any(f => f.Assignment.Kind == FaceAssignmentKind.Child && f.Visibility != FaceVisibility.Show));
}
