using MediaGate.Api.Identity;
using MediaGate.Gate.Renditions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// A website video (issue 14): a website entry whose item is a video has, beside its poster <c>/api/website/photos/{id}.jpg</c>,
/// the clip at <c>/api/website/photos/{id}.mp4</c>: masked for the public, no sound, no tag, byte ranges; it leaves through
/// <see cref="RenditionDownload"/>, as the photo does.
/// </summary>
public static class WebsiteVideoEndpoints
{
    public static IEndpointRouteBuilder MapWebsiteVideoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/website").RequireAuthorization(Policies.Website).WithTags("Website");
        group.MapGet("/photos/{id}.mp4", GetVideoAsync).WithName("WebsiteVideo").Produces(StatusCodes.Status200OK, contentType: "video/mp4");
        return app;
    }

    /// <summary><c>GET /api/website/photos/{id}.mp4</c>: the website rendition's clip (never with sound), or 404 for a photo or once withdrawn. Audited.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetVideoAsync(
        string id, HttpContext http, [FromServices] RenditionDownload download, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(download);
        http.Response.Headers.CacheControl = "no-store";
        var keyName = http.User.FindFirst(MediaGateClaims.WebsiteKey)?.Value ?? "website";
        var clip = await download.ClipForWebsiteAsync(id, keyName, cancellationToken);
        return clip.ToResult(video => TypedResults.Stream(video.Content, "video/mp4", enableRangeProcessing: true));
    }
}
