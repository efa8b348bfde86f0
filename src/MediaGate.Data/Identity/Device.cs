namespace MediaGate.Data.Identity;

/// <summary>A setting-owned tablet registered by the manager (product.md: only registered devices upload).</summary>
/// <param name="Id">Lowercase GUID, "N" format.</param>
/// <param name="Name">The manager's label for it ("Robins room iPad").</param>
/// <param name="SecretHash">SHA-256 of the device secret, lowercase hex; the secret itself is shown once and never stored.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="RevokedAt">When the manager revoked it, or null while it may be used.</param>
public sealed record Device(string Id, string Name, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
