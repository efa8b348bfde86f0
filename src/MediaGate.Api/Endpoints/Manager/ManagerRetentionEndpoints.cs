using System.Globalization;
using System.Security.Claims;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Gate.Retention;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The manager's side of the retention schedule (product.md: masters "are deleted on the retention schedule (for
/// example after a child leaves, with a grace period and an export for the parents)"). Mapped inside the
/// <c>/api/manager</c> group, so the manager policy applies.
/// </summary>
public static class ManagerRetentionEndpoints
{

    public static RouteGroupBuilder MapManagerRetentionEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/children/{childId}/left", MarkChildLeftAsync).WithName("ManagerChildLeft");
        return group;
    }

    /// <summary>
    /// <c>POST /api/manager/children/{childId}/left</c> <c>{"leftOn": "YYYY-MM-DD" | null}</c> → 200
    /// <c>{"childId", "leftOn", "deletedFrom"}</c>; 400 for a date that is not one, 404 for an unknown child. Audited.
    /// </summary>
    public static async Task<Results<Ok<ChildLeftResponse>, ValidationProblem, ProblemHttpResult>> MarkChildLeftAsync(
        string childId, ChildLeftRequest request, [FromServices] MarkChildLeft markChildLeft, IOptions<RetentionOptions> options, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(markChildLeft);
        ArgumentNullException.ThrowIfNull(options);
        DateOnly? leftOn = null;
        if (request.LeftOn is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2199)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["leftOn"] = ["A date as YYYY-MM-DD, or null to clear it."] });
            }

            leftOn = day;
        }

        if (string.IsNullOrEmpty(childId) || childId.Length > Identifiers.MaxLength
            || !await markChildLeft.MarkAsync(new ChildId(childId), leftOn, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown child.", detail: "There is no child with this id.");
        }

        string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return TypedResults.Ok(new ChildLeftResponse(childId, Day(leftOn), Day(leftOn?.AddDays(options.Value.GraceDays))));
    }
}
