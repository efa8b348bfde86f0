namespace MediaGate.Data.Identity;

/// <summary>
/// Usernames: a short ASCII set (letters, digits, <c>. _ - @</c>), so that two names that look alike are the
/// same name and nothing depends on Unicode case rules; unique without regard to case.
/// </summary>
public static class AccountUsernames
{
    /// <summary>As long as any id a person gives (<see cref="Identifiers.MaxLength"/>): a username is one.</summary>
    public const int MaxLength = Identifiers.MaxLength;

    public static bool IsValid(string? username) =>
        !string.IsNullOrEmpty(username) && username.Length <= MaxLength && username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    /// <summary>The form stored in the unique index and used for look-ups and sign-in counters.</summary>
    public static string Key(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        return username.ToLowerInvariant();
    }
}
