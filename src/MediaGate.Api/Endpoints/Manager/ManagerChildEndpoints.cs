using System.Security.Claims;
using MediaGate.Gate.Children;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The manager's children (api.md, Manager): add one, list them, read one. Mapped inside the <c>/api/manager</c> group
/// (manager policy); the rules are <see cref="ChildRegister"/>'s.
/// </summary>
public static class ManagerChildEndpoints
{
    public static RouteGroupBuilder MapManagerChildEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/children", CreateChild);
        group.MapGet("/children", ListChildren);
        group.MapGet("/children/{childId}", GetChild);
        return group;
    }

    /// <summary><c>POST /api/manager/children</c>: Adds a child (name, optional room); answers its id.</summary>
    public static async Task<Results<Created<CreatedId>, ProblemHttpResult>> CreateChild(
        CreateChildRequest request, ChildRegister children, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(children);
        var outcome = await children.AddAsync(request.Name, request.Room, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(child => TypedResults.Created($"/api/manager/children/{child.Id.Value}", new CreatedId(child.Id.Value)));
    }

    /// <summary><c>GET /api/manager/children</c>: Lists the setting's children with their rooms and whether they have left.</summary>
    public static async Task<Ok<ChildResponse[]>> ListChildren(ChildRegister children, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(children);
        return TypedResults.Ok((await children.ListAsync(cancellationToken).ConfigureAwait(false)).Select(ChildResponse.From).ToArray());
    }

    /// <summary><c>GET /api/manager/children/{childId}</c>: One child, 404 when unknown.</summary>
    public static async Task<Results<Ok<ChildResponse>, ProblemHttpResult>> GetChild(string childId, ChildRegister children, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(children);
        var outcome = await children.FindAsync(childId, cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(found => TypedResults.Ok(ChildResponse.From(found)));
    }
}
