using System.Security.Claims;
using MediaGate.Api.Identity.Contracts;
using MediaGate.Gate.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The keys of the nursery website's feed (README, Manager): make one (the key is in the response once), list them
/// (never the key), revoke one. Mapped inside the <c>/api/manager</c> group (manager policy); the rules are
/// <see cref="WebsiteKeyRegister"/>'s.
/// </summary>
public static class ManagerWebsiteKeyEndpoints
{
    public static RouteGroupBuilder MapManagerWebsiteKeyEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/website-keys", CreateWebsiteKeyAsync);
        group.MapGet("/website-keys", ListWebsiteKeysAsync).WithName("ManagerWebsiteKeys");
        group.MapDelete("/website-keys/{name}", RevokeWebsiteKeyAsync);
        return group;
    }

    /// <summary><c>POST /api/manager/website-keys</c>: Creates a key for the nursery website's feed; the key is shown once.</summary>
    public static async Task<Results<Created<WebsiteKeyCreatedResponse>, ProblemHttpResult>> CreateWebsiteKeyAsync(
        CreateWebsiteKeyRequest request, ClaimsPrincipal user, WebsiteKeyRegister keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(keys);
        var outcome = await keys.CreateAsync(request.Name, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(issued => TypedResults.Created((string?)null, new WebsiteKeyCreatedResponse(issued.Record.Name, issued.Key)));
    }

    /// <summary><c>GET /api/manager/website-keys</c>: the website keys made so far (name, when made, when revoked), the keys in use first; never the key itself.</summary>
    public static async Task<Ok<WebsiteKeyListing[]>> ListWebsiteKeysAsync(WebsiteKeyRegister keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return TypedResults.Ok((await keys.ListAsync(cancellationToken).ConfigureAwait(false))
            .Select(k => new WebsiteKeyListing(k.Name, k.CreatedAt, k.RevokedAt)).ToArray());
    }

    /// <summary><c>DELETE /api/manager/website-keys/{name}</c>: Revokes a website key: the feed refuses it at once.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeWebsiteKeyAsync(
        string name, ClaimsPrincipal user, WebsiteKeyRegister keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var outcome = await keys.RevokeAsync(name, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }
}
