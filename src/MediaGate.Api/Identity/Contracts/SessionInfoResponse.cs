namespace MediaGate.Api.Identity.Contracts;

/// <summary>Who the presented token signs in (README, <c>GET /api/session</c>).</summary>
/// <param name="AccountId">The account's id.</param>
/// <param name="Username">The account's username.</param>
/// <param name="Role">manager, staff or parent.</param>
/// <param name="DeviceId">The tablet's device id on a tablet token, otherwise null.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
public sealed record SessionInfoResponse(string AccountId, string Username, string Role, string? DeviceId, DateTimeOffset? ExpiresAt);
