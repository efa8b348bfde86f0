using MediaGate.Data;
using MediaGate.Gate.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// The manager's review (api.md, Manager): the queue and the released photos, decisions, the master, the publicity
/// rendition, events (<see cref="ManagerEventEndpoints"/>) and the dismissals' spot checks (<see cref="ManagerSpotCheckEndpoints"/>). Mapped by the host inside its
/// <c>/api/manager</c> group, which requires the manager policy.
/// </summary>
public static class ManagerMediaEndpoints
{
    public static RouteGroupBuilder MapManagerMediaEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/review", GetReviewAsync).WithName("ManagerReview")
            .WithDescription("Without view (or view=queue): held, needs-assignment and blocked items, oldest first. view=publishable: released "
                + "items, newest first, to approve for the website and publicity; before = the last mediaId of the previous page. Each item has a "
                + "plain-words summary of what holds it and who can act.");
        group.MapPost("/media/{mediaId}/decision", PostDecisionAsync).WithName("ManagerDecision");
        group.MapGet("/media/{mediaId}/master", GetMasterAsync).WithName("ManagerMaster");
        group.MapGet("/media/{mediaId}/publicity", GetPublicityAsync).WithName("ManagerPublicity").Produces(StatusCodes.Status200OK, contentType: "image/jpeg");
        group.MapManagerEventEndpoints();
        group.MapManagerSpotCheckEndpoints();
        group.MapManagerTextRegionEndpoints();
        return group;
    }

    /// <summary>
    /// <c>GET /api/manager/review?view=&amp;limit=&amp;before=</c>. Without <c>view</c> (or <c>view=queue</c>): held,
    /// needs-assignment and blocked items, oldest first. <c>view=publishable</c>: released items, newest first, to approve
    /// for the website and publicity; <c>before</c> (a mediaId, the last of the previous page) pages on. The same item
    /// shape either way. <c>limit</c> default 200, at most 500. 400 for another view.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<ReviewQueueItem>>, ProblemHttpResult>> GetReviewAsync(
        ReviewItem review, CancellationToken cancellationToken, int? limit = null, string? view = null, string? before = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        switch (view)
        {
            case null or "" or "queue":
                return TypedResults.Ok(await review.QueueAsync(limit ?? 200, cancellationToken));
            case "publishable":
                // An id that is not one names no item: an empty page, as for an id of no item.
                return TypedResults.Ok(before is not null && !Identifiers.IsGenerated(before)
                    ? []
                    : await review.PublishableAsync(limit ?? 200, before, cancellationToken));
            default:
                return Problem(StatusCodes.Status400BadRequest, "Invalid view", "view must be queue (the default) or publishable.");
        }
    }

    /// <summary>
    /// <c>POST /api/manager/media/{mediaId}/decision</c> <c>{"purpose", "action", "assignments"?}</c>: 200 with the item
    /// as it now stands (its <c>summary</c> says in words what each purpose's state now is); 400 for a bad purpose,
    /// action or assignment; 404 for an unknown item. A release (or mask) is final: it releases the purpose with every
    /// face nobody accounted for masked.
    /// </summary>
    public static async Task<Results<Ok<ReviewQueueItem>, ProblemHttpResult>> PostDecisionAsync(
        string mediaId, ReviewDecisionBody body, HttpContext http, ReviewItem review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(review);
        var actor = ParentEndpoints.AccountOf(http.User);
        if (!Identifiers.IsGenerated(mediaId) || actor is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", null);
        }

        if (body is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid decision", "A JSON body {purpose, action, assignments?} is required.");
        }

        var (decision, problem) = body.Read();
        if (decision is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid decision", problem);
        }

        var outcome = await review.DecideAsync(mediaId, decision, actor, cancellationToken);
        return outcome switch
        {
            { NotFound: true } => Problem(StatusCodes.Status404NotFound, "Not found", null),
            { Item: { } item } => TypedResults.Ok(item),
            _ => Problem(StatusCodes.Status400BadRequest, "Invalid decision", outcome.Problem),
        };
    }

    /// <summary><c>GET /api/manager/media/{mediaId}/master</c>: the unmasked, metadata-free master; audited; never cached.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetMasterAsync(
        string mediaId, HttpContext http, ReviewItem review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(review);
        var actor = ParentEndpoints.AccountOf(http.User);
        if (!Identifiers.IsGenerated(mediaId) || actor is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", null);
        }

        var bytes = await review.ReadMasterAsync(mediaId, actor, cancellationToken);
        if (bytes is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", null);
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(bytes, "image/jpeg");
    }

    /// <summary>
    /// <c>GET /api/manager/media/{mediaId}/publicity</c>: the approved publicity rendition (JPEG, no names) for the manager
    /// to post; 404 until approved (or after a withdrawal); audited; never cached.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPublicityAsync(
        string mediaId, HttpContext http, [FromServices] PublicityDownload publicity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(publicity);
        var actor = ParentEndpoints.AccountOf(http.User);
        if (!Identifiers.IsGenerated(mediaId) || actor is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", null);
        }

        var bytes = await publicity.ReadAsync(mediaId, actor, cancellationToken);
        if (bytes is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", "The item has no approved publicity rendition.");
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(bytes, "image/jpeg");
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
