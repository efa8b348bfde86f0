using MediaGate.Data.Identity;

namespace MediaGate.Data.Sql.Identity;

/// <summary>A row of <c>website_keys</c> as Dapper reads and writes it.</summary>
internal sealed class WebsiteKeyRow
{
    public const string Select = "SELECT id AS Id, name AS Name, key_hash AS KeyHash, created_at AS CreatedAt, revoked_at AS RevokedAt FROM website_keys";

    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string KeyHash { get; init; } = "";

    public string CreatedAt { get; init; } = "";

    public string? RevokedAt { get; init; }

    public static WebsiteKeyRow From(WebsiteKey key) => new()
    {
        Id = key.Id,
        Name = key.Name,
        KeyHash = key.KeyHash,
        CreatedAt = DbText.Instant(key.CreatedAt),
        RevokedAt = DbText.Instant(key.RevokedAt),
    };

    public WebsiteKey ToKey() => new(Id, Name, KeyHash, DbText.ToInstant(CreatedAt), DbText.ToInstantOrNull(RevokedAt));
}
