using MediaGate.Data.Identity;

namespace MediaGate.Data.Sql.Identity;

/// <summary>A row of <c>accounts</c> as Dapper reads and writes it.</summary>
internal sealed class AccountRow
{
    public const string Select =
        "SELECT id AS Id, username AS Username, role AS Role, password_hash AS PasswordHash, pin_hash AS PinHash, active AS Active, created_at AS CreatedAt, credential_generation AS CredentialGeneration FROM accounts";

    public string Id { get; init; } = "";

    public string Username { get; init; } = "";

    public string UsernameKey { get; init; } = "";

    public string Role { get; init; } = "";

    public string? PasswordHash { get; init; }

    public string? PinHash { get; init; }

    public long Active { get; init; }

    public string CreatedAt { get; init; } = "";

    public long CredentialGeneration { get; init; }

    public static AccountRow From(Account account) => new()
    {
        Id = account.Id,
        Username = account.Username,
        UsernameKey = AccountUsernames.Key(account.Username),
        Role = account.Role.ToText(),
        PasswordHash = account.PasswordHash,
        PinHash = account.PinHash,
        Active = account.Active ? 1 : 0,
        CreatedAt = DbText.Instant(account.CreatedAt),
    };

    public Account ToAccount() => new(
        Id,
        Username,
        AccountRoles.TryParse(Role, out var role) ? role : throw new InvalidDataException($"account {Id} has an unknown role"),
        PasswordHash,
        PinHash,
        Active == 1,
        DbText.ToInstant(CreatedAt),
        CredentialGeneration);
}
