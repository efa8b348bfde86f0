using MediaGate.Data.Identity;

namespace MediaGate.Data.Sql.Identity;

/// <summary>A row of <c>devices</c> as Dapper reads and writes it.</summary>
internal sealed class DeviceRow
{
    public const string Select = "SELECT id AS Id, name AS Name, secret_hash AS SecretHash, created_at AS CreatedAt, revoked_at AS RevokedAt FROM devices";

    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string SecretHash { get; init; } = "";

    public string CreatedAt { get; init; } = "";

    public string? RevokedAt { get; init; }

    public static DeviceRow From(Device device) => new()
    {
        Id = device.Id,
        Name = device.Name,
        SecretHash = device.SecretHash,
        CreatedAt = DbText.Instant(device.CreatedAt),
        RevokedAt = DbText.Instant(device.RevokedAt),
    };

    public Device ToDevice() => new(Id, Name, SecretHash, DbText.ToInstant(CreatedAt), DbText.ToInstantOrNull(RevokedAt));
}
