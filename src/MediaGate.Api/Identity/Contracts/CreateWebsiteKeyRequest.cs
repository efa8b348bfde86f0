namespace MediaGate.Api.Identity.Contracts;

public sealed record CreateWebsiteKeyRequest(string? Name);
