namespace MediaGate.Api.Identity.Contracts;

/// <summary>The body of <c>PUT /api/manager/accounts/{id}/password</c>.</summary>
public sealed record PasswordChangeRequest(string? Password);
