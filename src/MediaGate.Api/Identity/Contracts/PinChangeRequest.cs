namespace MediaGate.Api.Identity.Contracts;

/// <summary>The body of <c>PUT /api/manager/accounts/{id}/pin</c> (staff accounts).</summary>
public sealed record PinChangeRequest(string? Pin);
