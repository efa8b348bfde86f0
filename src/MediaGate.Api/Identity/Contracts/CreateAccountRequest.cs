namespace MediaGate.Api.Identity.Contracts;

/// <summary>Body of <c>POST /api/manager/accounts</c>: a password (manager, parent, optionally staff), a PIN (staff
/// on tablets), and for parents the children they may see.</summary>
public sealed record CreateAccountRequest(string? Username, string? Password, string? Pin, string? Role, IReadOnlyList<string?>? Children);
