using System.Security.Claims;
using System.Text.Json;
using MediaGate.Api.Identity;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate;
using MediaGate.Gate.Parents;
using MediaGate.Gate.Renditions;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
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
    /// <summary>Renditions are at most 2048 px JPEGs; anything larger in the store is not served.</summary>
    internal const long MaxRenditionBytes = 32L * 1024 * 1024;

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
    public static async Task<Ok<IReadOnlyList<ParentChild>>> ListChildrenAsync(
        ClaimsPrincipal user, [FromServices] IParentChildren parents, [FromServices] MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(database);
        var ids = AccountOf(user) is { } account ? await parents.ChildrenOfAsync(account, cancellationToken) : [];
        var children = new List<ParentChild>(ids.Count);
        foreach (var id in ids)
        {
            if (await database.Children.FindAsync(id, cancellationToken) is { } child)
            {
                children.Add(new ParentChild(child.Id.Value, child.Name));
            }
        }

        return TypedResults.Ok<IReadOnlyList<ParentChild>>(children
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToArray());
    }

    /// <summary>
    /// <c>GET /api/parent/media</c>: <c>[{"mediaId", "childId", "takenAt", "note", "status", "purpose", "kind"}]</c>, newest first;
    /// status <c>released</c> or <c>checking</c> (no image yet), purpose <c>journal</c> or <c>events</c>; the note names no
    /// child the family may not see.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<ParentListItem>>> ListMediaAsync(
        ClaimsPrincipal user, IParentChildren parents, MediaGateDatabase database, FamilyNotes notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(database);
        var children = AccountOf(user) is { } account ? await parents.ChildrenOfAsync(account, cancellationToken) : [];
        if (children.Count == 0)
        {
            return TypedResults.Ok<IReadOnlyList<ParentListItem>>([]);
        }

        var candidates = await database.ParentMedia.CandidatesAsync(children, cancellationToken);
        // Each note in this family's copy: children the family may not see are not named (FamilyNotes).
        var items = await notes.ForFamilyAsync(ParentListRule.From(candidates), children, cancellationToken);
        var videos = await database.Videos.VideosAmongAsync(items.Select(i => i.MediaId).ToArray(), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ParentListItem>>(items.Select(i => videos.Contains(i.MediaId) ? i with { Kind = "video" } : i).ToArray());
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
        string mediaId,
        HttpContext http,
        IParentChildren parents,
        MediaGateDatabase database,
        [FromKeyedServices(StorageServiceCollectionExtensions.RenditionStore)] IObjectStore renditions,
        CancellationToken cancellationToken,
        string? childId = null,
        string? purpose = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(database);
        var account = AccountOf(http.User);
        Purpose? only = null;
        if (purpose is not null)
        {
            if (!PurposeNames.TryParse(purpose, out var named) || named is not (Purpose.Journal or Purpose.Events))
            {
                return NotFound();
            }

            only = named;
        }

        if (account is null || !Identifiers.IsGenerated(mediaId))
        {
            return NotFound();
        }

        // The parent's children in a fixed order: a parent of two children in one photo gets the first one's rendition.
        var children = (await parents.ChildrenOfAsync(account, cancellationToken))
            .Where(c => childId is null || c.Value == childId)
            .OrderBy(c => c.Value, StringComparer.Ordinal)
            .ToArray();
        var events = only is null or Purpose.Events && children.Length > 0
            ? (await database.Renditions.OfMediaAsync(mediaId, cancellationToken)).Where(r => r.Purpose == Purpose.Events).ToArray()
            : [];
        var choices = new List<(ChildId Child, RenditionRecord? Rendition)>();
        if (only is null or Purpose.Journal)
        {
            foreach (var child in children)
            {
                choices.Add((child, await database.Renditions.FindAsync(mediaId, Purpose.Journal, Audience.ParentOf(child).Key, cancellationToken)));
            }
        }

        choices.AddRange(children.SelectMany(child => events.Where(r => ParentListRule.EventRenditionIsFor(r.AudienceKey, child)).Select(r => (child, (RenditionRecord?)r))));
        foreach (var (child, rendition) in choices)
        {
            if (rendition is null || !ObjectKey.TryParse(rendition.ObjectKey, out var key))
            {
                continue;
            }

            var bytes = await StoredObjects.ReadAllAsync(renditions, key, MaxRenditionBytes, cancellationToken);
            if (bytes is null)
            {
                continue; // withdrawn at this moment: the row goes next
            }

            await database.Audit.AppendAsync(
                new AuditEvent(account, "view", mediaId, JsonSerializer.Serialize(new { rendition = rendition.Id, child = child.Value, purpose = rendition.Purpose.Name() })),
                cancellationToken);
            http.Response.Headers.CacheControl = "private, no-store";
            return TypedResults.File(bytes, "image/jpeg");
        }

        return NotFound();
    }

    internal static string? AccountOf(ClaimsPrincipal user) =>
        user?.FindFirst(MediaGateClaims.Subject)?.Value ?? user?.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found" });
}
