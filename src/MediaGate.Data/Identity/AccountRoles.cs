namespace MediaGate.Data.Identity;

/// <summary>The text form of <see cref="AccountRole"/> used in the database, in tokens and in the API.</summary>
public static class AccountRoles
{
    public const string Manager = "manager";
    public const string Staff = "staff";
    public const string Parent = "parent";

    public static string ToText(this AccountRole role) => role switch
    {
        AccountRole.Manager => Manager,
        AccountRole.Staff => Staff,
        AccountRole.Parent => Parent,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    /// <summary>Reads a role's text; anything else (including other casing) is not a role.</summary>
    public static bool TryParse(string? text, out AccountRole role)
    {
        (bool known, role) = text switch
        {
            Manager => (true, AccountRole.Manager),
            Staff => (true, AccountRole.Staff),
            Parent => (true, AccountRole.Parent),
            _ => (false, default),
        };
        return known;
    }
}
