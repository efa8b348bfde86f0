namespace MediaGate.Data.Identity;

/// <summary>A person who signs in: the manager, a member of staff or a parent.</summary>
/// <param name="Id">Lowercase GUID, "N" format; the token's <c>sub</c>.</param>
/// <param name="Username">As the manager typed it; unique without regard to case (<see cref="AccountUsernames.Key"/>).</param>
/// <param name="Role">What the account may do.</param>
/// <param name="PasswordHash">The password's PBKDF2 hash, or null when the account has no password (a tablet-only staff member).</param>
/// <param name="PinHash">The staff PIN's PBKDF2 hash for tablet sign-in, or null.</param>
/// <param name="Active">False once deactivated: its tokens stop working on the next request.</param>
/// <param name="CreatedAt">When the manager (or the bootstrap) made it.</param>
/// <param name="CredentialGeneration">Raised by every password or PIN change; tokens issued under an older one are refused.</param>
public sealed record Account(string Id, string Username, AccountRole Role, string? PasswordHash, string? PinHash, bool Active, DateTimeOffset CreatedAt, long CredentialGeneration = 0)
{
    /// <summary>Hashes stay out of logs and exception messages.</summary>
    public override string ToString() => $"Account {{ Id = {Id}, Username = {Username}, Role = {Role.ToText()}, Active = {Active} }}";
}
