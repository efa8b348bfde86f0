using MediaGate.Api.Identity;
using MediaGate.Gate.Renditions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// The nursery website's feed (api.md, Website): website renditions the manager approved and consent allows, and
/// nothing else. No names anywhere: ids are the renditions' random ids (not the journal's media ids), the file
/// names and URLs carry nothing else, and the JPEGs carry no metadata. A withdrawn photo is gone from both at once.
/// </summary>
public static class WebsiteEndpoints
{
    public static IEndpointRouteBuilder MapWebsiteEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/website").RequireAuthorization(Policies.Website).WithTags("Website");
        group.MapGet("/photos", ListPhotosAsync).WithName("WebsitePhotos");
        group.MapGet("/photos/{id}.jpg", GetPhotoAsync).WithName("WebsitePhoto");
        return app;
    }

    /// <summary><c>GET /api/website/photos</c>: <c>[{"id", "url", "width", "height"}]</c>, newest first.</summary>
    public static async Task<Ok<WebsitePhoto[]>> ListPhotosAsync([FromServices] WebsiteFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var renditions = await feed.PhotosAsync(cancellationToken);
        return TypedResults.Ok(renditions.Select(r => new WebsitePhoto(r.Id, $"/api/website/photos/{r.Id}.jpg", r.Width, r.Height)).ToArray());
    }

    /// <summary><c>GET /api/website/photos/{id}.jpg</c>: the rendition, or 404 once it is withdrawn. Audited as a view by the website key.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPhotoAsync(
        string id, HttpContext http, [FromServices] RenditionDownload download, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(download);
        var keyName = http.User.FindFirst(MediaGateClaims.WebsiteKey)?.Value ?? ParentEndpoints.AccountOf(http.User) ?? "website";
        var outcome = await download.ForWebsiteAsync(id, keyName, cancellationToken);
        if (outcome.IsSuccess)
        {
            // The website should not keep a copy past a withdrawal: it asks again each time.
            http.Response.Headers.CacheControl = "no-store";
        }

        return outcome.ToResult(file => TypedResults.File(file.Content, file.ContentType));
    }
}
