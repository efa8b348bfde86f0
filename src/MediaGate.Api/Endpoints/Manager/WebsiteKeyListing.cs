namespace MediaGate.Api.Endpoints.Manager;

/// <summary>A website key as the manager's list shows it: never the key nor its hash (the key is shown once, at creation).</summary>
/// <param name="Name">The manager's name for it (revoked by this name).</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="RevokedAt">When it was revoked, or null while in use.</param>
public sealed record WebsiteKeyListing(string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
