namespace MediaGate.Api.Identity.Contracts;

/// <summary>A bearer token and the role it carries.</summary>
public sealed record SessionResponse(string Token, string Role);
