using MediaGate.Api.Identity;
using MediaGate.Data;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Video;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>Naming a video's faces on the tablet (issue 14): each track's clearest frame, where its box is.</summary>
public static class TabletVideoEndpoints
{
    public static IEndpointRouteBuilder MapTabletVideoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tablet").RequireAuthorization(Policies.Tablet).WithTags("Tablet");
        group.MapGet("/media/{mediaId}/faces/{faceId}/frame", GetFrameAsync).WithName("TabletFaceFrame").Produces(StatusCodes.Status200OK, contentType: "image/jpeg");
        return app;
    }

    /// <summary>
    /// <c>GET /api/tablet/media/{mediaId}/faces/{faceId}/frame</c>: the frame the face is named on (a video track's clearest frame,
    /// a photo's picture), unmasked, at most 1024 px, the face's box in its pixels; for the staff who may read the item, else 404.
    /// Never cached; audited.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetFrameAsync(
        string mediaId, string faceId, HttpContext http, [FromServices] TrackFramePreview frames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(frames);
        http.Response.Headers.CacheControl = "private, no-store";
        var device = http.User.FindFirst(MediaGateClaims.Device)?.Value;
        var staff = http.User.FindFirst(MediaGateClaims.Subject)?.Value;
        var jpeg = device is { Length: > 0 } && staff is { Length: > 0 } && Identifiers.IsGenerated(mediaId) && Identifiers.IsGenerated(faceId)
            ? await frames.RenderAsync(mediaId, faceId, new TabletCaller(device, staff), cancellationToken)
            : null;
        return jpeg is null
            ? TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found" })
            : TypedResults.File(jpeg, "image/jpeg");
    }
}
