using MediaGate.Gate.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// The manager's review (api.md, Manager): the queue, decisions, the master, the publicity rendition, and events
/// (<see cref="ManagerEventEndpoints"/>). Mapped by the host inside its
/// <c>/api/manager</c> group, which requires the manager policy.
/// </summary>
public static class ManagerMediaEndpoints
{
    public static RouteGroupBuilder MapManagerMediaEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/review", GetReviewAsync).WithName("ManagerReview");
        group.MapPost("/media/{mediaId}/decision", PostDecisionAsync).WithName("ManagerDecision");
        group.MapGet("/media/{mediaId}/master", GetMasterAsync).WithName("ManagerMaster");
        group.MapGet("/media/{mediaId}/publicity", GetPublicityAsync).WithName("ManagerPublicity").Produces(StatusCodes.Status200OK, contentType: "image/jpeg");
        group.MapManagerEventEndpoints();
        return group;
    }

    /// <summary><c>GET /api/manager/review?limit=</c>: held, needs-assignment and blocked items, oldest first (default 200, at most 500).</summary>
    public static async Task<Ok<IReadOnlyList<ReviewQueueItem>>> GetReviewAsync(ReviewItem review, CancellationToken cancellationToken, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        return TypedResults.Ok(await review.QueueAsync(limit ?? 200, cancellationToken));
    }

    /// <summary>
    /// <c>POST /api/manager/media/{mediaId}/decision</c> <c>{"purpose", "action", "assignments"?}</c>: 200 with the item
    /// as it now stands; 400 for a bad purpose, action or assignment; 404 for an unknown item.
    /// </summary>
    public static async Task<Results<Ok<ReviewQueueItem>, ProblemHttpResult>> PostDecisionAsync(
        string mediaId, ReviewDecisionBody body, HttpContext http, ReviewItem review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(review);
        var actor = ParentEndpoints.AccountOf(http.User);
        if (!Ids.IsId(mediaId) || actor is null)
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
        if (!Ids.IsId(mediaId) || actor is null)
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
        if (!Ids.IsId(mediaId) || actor is null)
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
