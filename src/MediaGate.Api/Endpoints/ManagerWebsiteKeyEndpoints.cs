using MediaGate.Api.Endpoints.Manager;
using MediaGate.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// <c>GET /api/manager/website-keys</c>: the keys made so far, in use first, for the console's list (creation and
/// revocation are in <see cref="ManagerIdentityEndpoints"/>). Mapped inside the <c>/api/manager</c> group.
/// </summary>
public static class ManagerWebsiteKeyEndpoints
{
    public static RouteGroupBuilder MapManagerWebsiteKeyEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/website-keys", ListWebsiteKeysAsync).WithName("ManagerWebsiteKeys");
        return group;
    }

    /// <summary><c>GET /api/manager/website-keys</c>: the website keys made so far (name, when made, when revoked), the keys in use first; never the key itself.</summary>
    public static async Task<Ok<WebsiteKeyListing[]>> ListWebsiteKeysAsync(MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var keys = await database.WebsiteKeys.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(keys
            .OrderBy(k => k.RevokedAt is not null)
            .ThenByDescending(k => k.CreatedAt)
            .Select(k => new WebsiteKeyListing(k.Name, k.CreatedAt, k.RevokedAt))
            .ToArray());
    }
}
