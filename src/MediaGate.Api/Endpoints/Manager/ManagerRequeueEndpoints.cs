using System.Security.Claims;
using MediaGate.Data;
using MediaGate.Gate.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The manager re-queues failed items (issue 13): they go back to processing with no attempt spent, audited as
/// <c>requeue</c>. Mapped inside the <c>/api/manager</c> group, so the manager policy applies.
/// </summary>
public static class ManagerRequeueEndpoints
{
    public static RouteGroupBuilder MapManagerRequeueEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/media/requeue", RequeueAllAsync).WithName("ManagerRequeueFailed");
        group.MapPost("/media/{mediaId}/requeue", RequeueOneAsync).WithName("ManagerRequeueItem");
        return group;
    }

    /// <summary>
    /// <c>POST /api/manager/media/requeue</c> → 200 <c>{"mediaIds", "count"}</c>: every failed item that can be processed again
    /// (at most 500; the dashboard's <c>retryableNow</c>).
    /// </summary>
    public static async Task<Ok<RequeueResponse>> RequeueAllAsync([FromServices] RequeueFailed requeue, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requeue);
        var ids = await requeue.RequeueAllAsync(ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new RequeueResponse(ids, ids.Count));
    }

    /// <summary>
    /// <c>POST /api/manager/media/{mediaId}/requeue</c> → 200 <c>{"mediaIds", "count"}</c>; 404 unknown item, 409 not failed or
    /// no longer kept (its original deleted after it failed, and no master).
    /// </summary>
    public static async Task<Results<Ok<RequeueResponse>, ProblemHttpResult>> RequeueOneAsync(
        string mediaId, [FromServices] RequeueFailed requeue, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requeue);
        bool? done = Identifiers.IsGenerated(mediaId) ? await requeue.RequeueAsync(mediaId, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false) : null;
        return done switch
        {
            null => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no item with this id."),
            false => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot be re-queued",
                detail: "Only a failed item that can still be processed can be re-queued: a failed item's original is deleted some time after it failed."),
            true => TypedResults.Ok(new RequeueResponse([mediaId], 1)),
        };
    }
}
