namespace MediaGate.Api.Identity.Contracts;

/// <summary>Body of <c>POST /api/session</c>.</summary>
public sealed record SessionRequest(string? Username, string? Password);
