namespace MediaGate.Api.Identity.Contracts;

/// <summary>Body of <c>POST /api/tablet/session</c>: the device and the staff member signing in on it.</summary>
public sealed record TabletSessionRequest(string? DeviceId, string? DeviceSecret, string? Username, string? Pin);
