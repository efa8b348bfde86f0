namespace MediaGate.Api.Endpoints.Manager;

/// <summary><c>POST /api/manager/children</c>: a child joins the setting (a new row of the consent matrix).</summary>
/// <param name="Name">Required, 1 to 200 characters; for the manager's eyes only, never published.</param>
/// <param name="Room">Optional, up to 100 characters.</param>
public sealed record CreateChildRequest(string? Name, string? Room);
