using MediaGate.Data;
using MediaGate.Gate.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The spot checks of "not a face" dismissals (issue 12, section 2), mapped inside the <c>/api/manager</c> group
/// (manager policy): <c>GET /dismissals</c> and <c>GET /media/{mediaId}/faces/{faceId}/crop</c>.
/// </summary>
public static class ManagerSpotCheckEndpoints
{
    public static RouteGroupBuilder MapManagerSpotCheckEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/dismissals", GetDismissalsAsync).WithName("ManagerDismissals")
            .WithDescription("Certain detections marked not a face, most recently dismissed first, for spot checks.");
        group.MapGet("/media/{mediaId}/faces/{faceId}/crop", GetCropAsync).WithName("ManagerFaceCrop")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .WithDescription("A JPEG of the unmasked master around the face (at most 512 px); audited; 404 for an unknown item or face.");
        return group;
    }

    /// <summary>
    /// <c>GET /api/manager/dismissals?limit=</c>: certain detections marked not a face, most recently dismissed first
    /// (default 100, at most 500): <c>[{"mediaId", "faceId", "number", "score", "x", "y", "w", "h", "by", "at"}]</c>.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<DismissedFace>>> GetDismissalsAsync(
        [FromServices] FaceSpotChecks spotChecks, CancellationToken cancellationToken, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(spotChecks);
        return TypedResults.Ok(await spotChecks.DismissalsAsync(limit ?? 100, cancellationToken));
    }

    /// <summary>
    /// <c>GET /api/manager/media/{mediaId}/faces/{faceId}/crop</c>: a JPEG of the master around the face (unmasked, at
    /// most 512 px); audited; never cached; 404 for an unknown item or face.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCropAsync(
        string mediaId, string faceId, HttpContext http, [FromServices] FaceSpotChecks spotChecks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(spotChecks);
        var actor = ParentEndpoints.AccountOf(http.User);
        if (!Identifiers.IsGenerated(mediaId) || !Identifiers.IsGenerated(faceId) || actor is null)
        {
            return NotFound();
        }

        var bytes = await spotChecks.CropAsync(mediaId, faceId, actor, cancellationToken);
        if (bytes is null)
        {
            return NotFound();
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(bytes, "image/jpeg");
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found" });
}
