using MediaGate.Api.Identity;
using MediaGate.Data;
using MediaGate.Gate.Video;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>The manager plays a video's master in the review (issue 14): unmasked, metadata-free, byte ranges, audited.</summary>
public static class ManagerVideoEndpoints
{
    public static IEndpointRouteBuilder MapManagerVideoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/manager").RequireAuthorization(Policies.Manager).WithTags("Manager");
        group.MapGet("/media/{mediaId}/video", GetMasterVideoAsync).WithName("ManagerMasterVideo").Produces(StatusCodes.Status200OK, contentType: "video/mp4");
        return app;
    }

    /// <summary>
    /// <c>GET /api/manager/media/{mediaId}/video</c>: the video's unmasked master (upright, at most 720p, no tag, with its sound),
    /// with byte ranges; 404 for an item that is not a processed video. Never cached; every play is audited.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetMasterVideoAsync(
        string mediaId, HttpContext http, [FromServices] VideoPlayback playback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(playback);
        http.Response.Headers.CacheControl = "private, no-store";
        var actor = ParentEndpoints.AccountOf(http.User);
        var video = actor is null || !Identifiers.IsGenerated(mediaId) ? null : await playback.MasterVideoAsync(mediaId, actor, cancellationToken);
        return video is null
            ? TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found" })
            : TypedResults.Stream(video.Content, "video/mp4", enableRangeProcessing: true);
    }
}
