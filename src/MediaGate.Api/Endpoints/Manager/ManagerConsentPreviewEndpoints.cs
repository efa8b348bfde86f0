using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Gate.Consents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// <c>POST /api/manager/consents/preview</c> (README; issue 8: the grid "shows which items a change will affect
/// before it is saved"). Mapped inside the <c>/api/manager</c> group (manager policy). Computed by
/// <see cref="ConsentChangePreview"/>, the same re-evaluation the save runs; nothing is saved or audited.
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
        ConsentPreviewRequest request, ConsentChangePreview preview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(preview);
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

        var outcome = await preview.PreviewAsync(change.ToChange(new ChildId(request.ChildId!), purpose), cancellationToken).ConfigureAwait(false);
        return outcome.IsSuccess
            ? TypedResults.Ok(new ConsentPreviewResponse(outcome.Value, outcome.Value.Count))
            : outcome.Problem.ToProblem();
    }
}
