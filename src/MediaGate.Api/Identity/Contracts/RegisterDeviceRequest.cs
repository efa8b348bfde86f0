namespace MediaGate.Api.Identity.Contracts;

public sealed record RegisterDeviceRequest(string? Name);
