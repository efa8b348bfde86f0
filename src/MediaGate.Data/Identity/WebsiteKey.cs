namespace MediaGate.Data.Identity;

/// <summary>A key the nursery website sends as <c>X-Api-Key</c> (api.md, Website).</summary>
/// <param name="Id">Lowercase GUID, "N" format.</param>
/// <param name="Name">The manager's name for it; unique among keys in use.</param>
/// <param name="KeyHash">SHA-256 of the key, lowercase hex; the key itself is shown once and never stored.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="RevokedAt">When it was revoked, or null while it is in use.</param>
public sealed record WebsiteKey(string Id, string Name, string KeyHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
