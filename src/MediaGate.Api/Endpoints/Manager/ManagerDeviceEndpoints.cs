using System.Security.Claims;
using MediaGate.Api.Identity.Contracts;
using MediaGate.Gate.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The manager's tablets (README, Manager): register one (its secret is in the response once), list, revoke. Mapped
/// inside the <c>/api/manager</c> group (manager policy); the rules are <see cref="DeviceRegister"/>'s.
/// </summary>
public static class ManagerDeviceEndpoints
{
    public static RouteGroupBuilder MapManagerDeviceEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/devices", RegisterDeviceAsync);
        group.MapGet("/devices", ListDevicesAsync);
        group.MapDelete("/devices/{deviceId}", RevokeDeviceAsync);
        return group;
    }

    /// <summary><c>POST /api/manager/devices</c>: Registers a tablet; answers its id and its secret, shown once.</summary>
    public static async Task<Results<Created<DeviceRegisteredResponse>, ProblemHttpResult>> RegisterDeviceAsync(
        RegisterDeviceRequest request, ClaimsPrincipal user, DeviceRegister devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(devices);
        var outcome = await devices.RegisterAsync(request.Name, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(issued => TypedResults.Created((string?)null, new DeviceRegisteredResponse(issued.Device.Id, issued.Secret)));
    }

    /// <summary><c>GET /api/manager/devices</c>: Lists the registered tablets.</summary>
    public static async Task<Ok<DeviceListing[]>> ListDevicesAsync(DeviceRegister devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        return TypedResults.Ok((await devices.ListAsync(cancellationToken).ConfigureAwait(false))
            .Select(d => new DeviceListing(d.Id, d.Name, d.CreatedAt, d.RevokedAt)).ToArray());
    }

    /// <summary>Revokes at once: the device's tokens fail on their next request. Revoking twice is not an error.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeDeviceAsync(
        string deviceId, ClaimsPrincipal user, DeviceRegister devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var outcome = await devices.RevokeAsync(deviceId, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }
}
