using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data;
using MediaGate.Gate.Consents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// <c>POST /api/manager/consents/preview</c> (README; issue 8: the grid "shows which items a change will affect
/// before it is saved"). Mapped inside the <c>/api/manager</c> group (manager policy). Computed by
/// <see cref="ChangeConsent.PreviewAsync"/>, the same re-evaluation the save runs; nothing is saved or audited.
/// </summary>
public static class ManagerConsentPreviewEndpoints
{

    public static RouteGroupBuilder MapManagerConsentPreviewEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/consents/preview", PreviewAsync);
        return group;
    }

    /// <summary>200 with the affected items; 400 for a bad body or purpose; 404 for an unknown child.</summary>
    public static async Task<Results<Ok<ConsentPreviewResponse>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        ConsentPreviewRequest request, ChangeConsent changeConsent, MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(changeConsent);
        ArgumentNullException.ThrowIfNull(database);
        if (!PurposeNames.TryParse(request.Purpose ?? "", out Purpose purpose))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["purpose"] = [$"One of {string.Join(", ", PurposeNames.All.Select(p => p.Name()))}."],
            });
        }

        var change = request.ToChangeRequest();
        var problems = change.Problems(purpose);
        if (string.IsNullOrWhiteSpace(request.ChildId))
        {
            problems["childId"] = ["Required."];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        string childId = request.ChildId!;
        if (childId.Length > Identifiers.MaxLength || childId.Any(char.IsControl))
        {
            return ChangeConsent.UnknownChild.ToProblem();
        }

        var outcome = await changeConsent.PreviewAsync(change.ToChange(new ChildId(childId), purpose), cancellationToken).ConfigureAwait(false);
        if (!outcome.IsSuccess)
        {
            return outcome.Problem.ToProblem();
        }

        var preview = outcome.Value;
        var items = new List<ConsentPreviewItem>();
        foreach (var byItem in preview.Changes.GroupBy(c => c.Before.Request.Item.Id.Value, StringComparer.Ordinal))
        {
            var media = await database.Media.FindItemAsync(byItem.Key, cancellationToken).ConfigureAwait(false);
            var observation = media is null ? null : await database.Media.FindObservationAsync(media.ObservationId, cancellationToken).ConfigureAwait(false);
            var changes = new List<ConsentPreviewChange>();
            foreach (var c in byItem)
            {
                // True counts (issue 13): only a rendition that exists now is shown to anyone and can come down.
                bool shown = c.Change != RenditionChange.Reconsider
                    && await database.Renditions.FindAsync(byItem.Key, c.Before.Request.Purpose, c.Before.Request.Audience.Key, cancellationToken).ConfigureAwait(false) is not null;
                changes.Add(new ConsentPreviewChange(
                    c.Before.Request.Purpose.Name(), c.Before.Request.Audience.Key, c.Change.ToString().ToLowerInvariant(), c.After.Verdict.ToString().ToLowerInvariant(),
                    shown, shown && StaysShown(c.Before.Request.Audience.Kind, c.After)));
            }

            items.Add(new ConsentPreviewItem(
                byItem.Key,
                byItem.Select(c => c.Before.Request.Purpose.Name()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                observation?.CapturedAt,
                changes.OrderBy(c => c.Purpose, StringComparer.Ordinal).ThenBy(c => c.Audience, StringComparer.Ordinal).ToArray()));
        }

        var newestFirst = items.OrderByDescending(i => i.TakenAt).ThenBy(i => i.MediaId, StringComparer.Ordinal).ToArray();
        return TypedResults.Ok(new ConsentPreviewResponse(newestFirst, newestFirst.Length));
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
