namespace MediaGate.Api.Identity.Contracts;

public sealed record AccountCreatedResponse(string Id);
