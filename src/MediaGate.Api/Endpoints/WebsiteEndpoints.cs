using System.Text.Json;
using MediaGate.Api.Identity;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Gate.Renditions;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
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
    public static async Task<Ok<WebsitePhoto[]>> ListPhotosAsync(MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var renditions = await database.Renditions.ForAudienceAsync(Purpose.Website, Audience.Public.Key, cancellationToken);
        return TypedResults.Ok(renditions.Select(r => new WebsitePhoto(r.Id, $"/api/website/photos/{r.Id}.jpg", r.Width, r.Height)).ToArray());
    }

    /// <summary><c>GET /api/website/photos/{id}.jpg</c>: the rendition, or 404 once it is withdrawn. Audited as a view by the website key.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPhotoAsync(
        string id,
        HttpContext http,
        MediaGateDatabase database,
        [FromKeyedServices(StorageServiceCollectionExtensions.RenditionStore)] IObjectStore renditions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(database);
        if (!Identifiers.IsGenerated(id))
        {
            return NotFound();
        }

        var rendition = await database.Renditions.FindByIdAsync(id, cancellationToken);
        if (rendition is null || rendition.Purpose != Purpose.Website || rendition.AudienceKey != Audience.Public.Key
            || !ObjectKey.TryParse(rendition.ObjectKey, out var key))
        {
            return NotFound();
        }

        var bytes = await StoredObjects.ReadAllAsync(renditions, key, ParentEndpoints.MaxRenditionBytes, cancellationToken);
        if (bytes is null)
        {
            return NotFound();
        }

        // product.md: every view is in the audit log, the website's too (by the key's name, never a child's).
        var actor = http.User.FindFirst(MediaGateClaims.WebsiteKey)?.Value ?? ParentEndpoints.AccountOf(http.User) ?? "website";
        await database.Audit.AppendAsync(new AuditEvent("website:" + actor, "view", rendition.MediaId, JsonSerializer.Serialize(new { rendition = rendition.Id })),
            cancellationToken);

        // The website should not keep a copy past a withdrawal: it asks again each time.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(bytes, "image/jpeg");
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found" });
}
