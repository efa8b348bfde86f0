namespace MediaGate.Api.Identity.Contracts;

/// <summary>The new device; its secret is shown here once and never again.</summary>
public sealed record DeviceRegisteredResponse(string DeviceId, string DeviceSecret);
