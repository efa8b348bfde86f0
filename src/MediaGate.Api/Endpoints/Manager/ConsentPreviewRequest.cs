namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// <c>POST /api/manager/consents/preview</c> (README): the body of <c>PUT /api/manager/consents/{childId}/{purpose}</c>
/// plus the cell it is for.
/// </summary>
public sealed record ConsentPreviewRequest(string? ChildId, string? Purpose, bool? Granted, bool? Group, string? GivenBy, string? Evidence, DateOnly? ExpiresOn, DateOnly? GivenOn)
{
    /// <summary>The same change as the PUT would receive, so that both are validated by one rule.</summary>
    public ConsentChangeRequest ToChangeRequest() => new(Granted, Group, GivenBy, Evidence, ExpiresOn, GivenOn);
}
