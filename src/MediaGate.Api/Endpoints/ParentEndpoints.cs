using System.Security.Claims;
using MediaGate.Api.Identity;
using MediaGate.Gate.Parents;
using MediaGate.Gate.Renditions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// The parents' journal (api.md, Parent): items in which one of their own children is tagged (the journal rendition
/// made for that child's parents) and items of events one of their children attended (the event's rendition,
/// README), listed by <see cref="ParentListRule"/>. Anything else is 404, never 403
/// (product.md: "a parent can reach nothing about another family, not even whether it exists"). The parent's
/// children are read from the database on every request, never from the token.
/// </summary>
public static class ParentEndpoints
{
    public static IEndpointRouteBuilder MapParentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/parent").RequireAuthorization(Policies.Parent).WithTags("Parent");

        // Everything a parent reads is about their own family: no shared or browser cache may keep it (the list
        // names the children's items as much as the images show them).
        group.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "private, no-store";
            return await next(context).ConfigureAwait(false);
        });
        group.MapGet("/children", ListChildrenAsync).WithName("ParentChildren");
        group.MapGet("/media", ListMediaAsync).WithName("ParentMedia");
        group.MapGet("/media/{mediaId}/image", GetImageAsync).WithName("ParentImage");
        group.MapParentExportEndpoints();
        return app;
    }

    /// <summary>
    /// <c>GET /api/parent/children</c>: <c>[{"id", "name"}]</c>, the parent's own children (read from the database on
    /// this request), by name: the journal names the child in its photos' text and filters by child (issue 8, section 2).
    /// </summary>
    public static async Task<Ok<IReadOnlyList<ParentChild>>> ListChildrenAsync(ClaimsPrincipal user, [FromServices] ParentJournal journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return TypedResults.Ok(await journal.ChildrenAsync(AccountOf(user), cancellationToken));
    }

    /// <summary>
    /// <c>GET /api/parent/media</c>: <c>[{"mediaId", "childId", "takenAt", "note", "status", "purpose", "kind"}]</c>, newest first;
    /// status <c>released</c> or <c>checking</c> (no image yet), purpose <c>journal</c> or <c>events</c>; the note names no
    /// child the family may not see.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<ParentListItem>>> ListMediaAsync(ClaimsPrincipal user, [FromServices] ParentJournal journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return TypedResults.Ok(await journal.ItemsAsync(AccountOf(user), cancellationToken));
    }

    /// <summary>
    /// <c>GET /api/parent/media/{mediaId}/image[?childId=][&amp;purpose=journal|events]</c>: the JPEG rendered for this
    /// parent's child (other children masked unless they may appear), not cached anywhere on the way
    /// (<c>Cache-Control: private, no-store</c>). Audited. A parent of two children in one photo names the journal
    /// entry's <c>childId</c> to get that child's rendition; without it, the first of their children (by id) with one.
    /// The journal rendition comes first, then the event's (only when its audience names the child's family); a
    /// <c>purpose</c> picks one of them.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetImageAsync(
        string mediaId, HttpContext http, [FromServices] RenditionDownload download, CancellationToken cancellationToken, string? childId = null, string? purpose = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(download);
        var outcome = await download.ForParentAsync(AccountOf(http.User), mediaId, childId, purpose, cancellationToken);
        if (outcome.IsSuccess)
        {
            http.Response.Headers.CacheControl = "private, no-store";
        }

        return outcome.ToResult(file => TypedResults.File(file.Content, file.ContentType));
    }

    internal static string? AccountOf(ClaimsPrincipal user) =>
        user?.FindFirst(MediaGateClaims.Subject)?.Value ?? user?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
}
