namespace MediaGate.Api.Endpoints.Manager;

/// <summary>The id of what was created (a lowercase GUID in "N" form).</summary>
public sealed record CreatedId(string Id);
