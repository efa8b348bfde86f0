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
    /// <c>GET /api/parent/export</c> → a ZIP (streamed) of the JPEGs made for this parent, one folder per own child
    /// (event photos in its <c>events</c> folder); empty when there are none. Audited as "export". A store failure
    /// halfway aborts the connection: the client sees an error, and what it received has no central directory.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        HttpContext http, ClaimsPrincipal user, [FromServices] ExportJournal export, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(time);
        if (ParentEndpoints.AccountOf(user) is not { } account)
        {
            return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found" });
        }

        var plan = await export.PlanAsync(account, cancellationToken).ConfigureAwait(false);
        string name = string.Create(CultureInfo.InvariantCulture, $"journal-{time.GetUtcNow().UtcDateTime:yyyy-MM-dd}.zip");
        return TypedResults.Stream(async body =>
        {
            try
            {
                await export.WriteAsync(plan, body, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Logged by the export; the 200 is already sent, so the only honest answer left is a cut connection.
            catch (Exception)
#pragma warning restore CA1031
            {
                // Issue 13: a store failure halfway must reach the client as an error, never as a complete-looking ZIP.
                http.Abort();
            }
        }, "application/zip", name);
    }
}
