namespace MediaGate.Api.Identity.Contracts;

public sealed record DeviceListing(string DeviceId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
