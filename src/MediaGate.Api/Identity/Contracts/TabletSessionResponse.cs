namespace MediaGate.Api.Identity.Contracts;

/// <summary>A tablet token: role staff, the device and the staff member.</summary>
public sealed record TabletSessionResponse(string Token);
