using MediaGate.Api.Identity;
using MediaGate.Gate.Renditions;
using MediaGate.Gate.Video;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// Videos in the parents' journal (issue 14; api.md, the image endpoint's video sibling): the MP4 rendered for the parent's
/// child, with byte ranges (<c>Accept-Ranges</c>, 206, 416) so a player can seek; a short-lived link to that one rendition for a
/// <c>&lt;video&gt;</c> element, which cannot send the bearer header; the poster is <c>.../image</c>. Anything not the parent's is
/// 404, never 403. Nothing is cached on the way. The use case (<see cref="RenditionDownload"/>, the one way a
/// rendition leaves, picture or clip) holds the rules and audits.
/// </summary>
public static class ParentVideoEndpoints
{
    public static IEndpointRouteBuilder MapParentVideoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/parent").RequireAuthorization(Policies.Parent).WithTags("Parent");
        group.MapGet("/media/{mediaId}/video", GetVideoAsync).WithName("ParentVideo").Produces(StatusCodes.Status200OK, contentType: "video/mp4");
        group.MapPost("/media/{mediaId}/video/link", CreateLinkAsync).WithName("ParentVideoLink");
        app.MapGet(RenditionDownload.LinkPath + "{token}", GetLinkedVideoAsync).AllowAnonymous().WithTags("Parent").WithName("ParentVideoByLink")
            .Produces(StatusCodes.Status200OK, contentType: "video/mp4");
        return app;
    }

    /// <summary>
    /// <c>GET /api/parent/media/{mediaId}/video[?childId=][&amp;purpose=journal|events]</c>: the MP4 rendered for this parent's
    /// child (other children masked unless they may appear; sound as the setting keeps it), chosen as <c>.../image</c> chooses.
    /// Byte ranges. Audited.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetVideoAsync(
        string mediaId, HttpContext http, [FromServices] RenditionDownload download, CancellationToken cancellationToken, string? childId = null, string? purpose = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(download);
        http.Response.Headers.CacheControl = "private, no-store";
        var clip = await download.ClipForParentAsync(ParentEndpoints.AccountOf(http.User), mediaId, childId, purpose, cancellationToken);
        return clip.ToResult(video => TypedResults.Stream(video.Content, "video/mp4", enableRangeProcessing: true));
    }

    /// <summary>
    /// <c>POST /api/parent/media/{mediaId}/video/link[?childId=][&amp;purpose=]</c>: <c>{"url", "expiresAt"}</c>, a link that plays
    /// the rendition <c>.../video</c> would play, without the bearer header, for <c>Video:LinkSeconds</c> (default 300), only that
    /// rendition and only while it is this parent's. Audited.
    /// </summary>
    public static async Task<Results<Ok<VideoLink>, ProblemHttpResult>> CreateLinkAsync(
        string mediaId, HttpContext http, [FromServices] RenditionDownload download, CancellationToken cancellationToken, string? childId = null, string? purpose = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(download);
        http.Response.Headers.CacheControl = "private, no-store";
        var link = await download.LinkForParentAsync(ParentEndpoints.AccountOf(http.User), mediaId, childId, purpose, cancellationToken);
        return link.ToResult(l => TypedResults.Ok(l));
    }

    /// <summary>
    /// <c>GET /api/parent/video-links/{token}</c> (no bearer header: the token is the key): the one rendition the link was made
    /// for, with byte ranges, until it expires; 404 once expired, for an unknown token, or when the rendition was withdrawn or
    /// re-made. Audited.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetLinkedVideoAsync(
        string token, HttpContext http, [FromServices] RenditionDownload download, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(download);
        http.Response.Headers.CacheControl = "private, no-store";
        var clip = await download.ClipByLinkAsync(token, cancellationToken);
        return clip.ToResult(video => TypedResults.Stream(video.Content, "video/mp4", enableRangeProcessing: true));
    }
}
