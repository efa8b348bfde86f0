using MediaGate.Data;
using MediaGate.Gate.Tablets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// <c>GET /api/tablet/media/{mediaId}/faces/{faceId}/frame</c>: a video track's clearest frame (JPEG, unmasked, the
/// master's size) for the staff member who may see the upload's preview; 404 otherwise. Mapped inside the tablet group.
/// </summary>
public static class TabletTrackFrameEndpoints
{
    public static RouteGroupBuilder MapTabletTrackFrameEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/media/{mediaId}/faces/{faceId}/frame", GetFrameAsync).WithName("TabletTrackFrame")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg");
        return group;
    }

    /// <summary>The track's clearest frame; the face's box (at that frame) is in its pixels.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetFrameAsync(
        string mediaId, string faceId, HttpContext http, [FromServices] TabletTrackFrame frames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(frames);
        http.Response.Headers.CacheControl = "private, no-store";
        var jpeg = TabletEndpoints.CallerOf(http.User) is { } caller && Identifiers.IsGenerated(mediaId) && Identifiers.IsGenerated(faceId)
            ? await frames.ReadAsync(mediaId, faceId, caller, cancellationToken)
            : null;
        return jpeg is null
            ? TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = "There is no such face." })
            : TypedResults.File(jpeg, "image/jpeg");
    }
}
