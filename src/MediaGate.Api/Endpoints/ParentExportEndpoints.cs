using System.Globalization;
using System.Security.Claims;
using MediaGate.Gate.Retention;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// The parents' export of their own children's journal (product.md: deletion on the retention schedule comes
/// "with a grace period and an export for the parents"). Mapped inside the <c>/api/parent</c> group, so the parent
/// policy and its <c>Cache-Control: private, no-store</c> apply.
/// </summary>
public static class ParentExportEndpoints
{
    public static RouteGroupBuilder MapParentExportEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/export", ExportAsync).WithName("ParentExport").Produces(StatusCodes.Status200OK, contentType: "application/zip");
        return group;
    }

    /// <summary>
    /// <c>GET /api/parent/export</c> → a ZIP (streamed) of the JPEGs made for this parent, one folder per own child;
    /// empty when there are none. Audited as "export".
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        ClaimsPrincipal user, [FromServices] ExportJournal export, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(time);
        if (ParentEndpoints.AccountOf(user) is not { } account)
        {
            return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found" });
        }

        var plan = await export.PlanAsync(account, cancellationToken).ConfigureAwait(false);
        string name = string.Create(CultureInfo.InvariantCulture, $"journal-{time.GetUtcNow().UtcDateTime:yyyy-MM-dd}.zip");
        return TypedResults.Stream(body => export.WriteAsync(plan, body, cancellationToken), "application/zip", name);
    }
}
