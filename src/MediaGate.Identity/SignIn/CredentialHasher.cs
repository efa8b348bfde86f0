using Microsoft.AspNetCore.Identity;

namespace MediaGate.Identity.SignIn;

/// <summary>
/// Hashes passwords and staff PINs with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (format v3:
/// PBKDF2-HMAC-SHA512, 100,000 iterations, 128-bit salt), so a stolen accounts table gives no password cheaply.
/// </summary>
public sealed class CredentialHasher
{
    private static readonly Credential Nobody = new();
    private readonly PasswordHasher<Credential> _hasher = new();
    private readonly Lazy<string> _decoy;

    public CredentialHasher()
    {
        _decoy = new Lazy<string>(() => _hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
    }

    public string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return _hasher.HashPassword(Nobody, secret);
    }

    /// <summary>Whether <paramref name="secret"/> matches <paramref name="hash"/>. With no hash (unknown user, no PIN
    /// set) a decoy hash is checked all the same, so the answer takes as long and reveals nothing.</summary>
    public bool Verify(string? hash, string? secret)
    {
        bool usable = hash is not null && secret is not null;
        var result = _hasher.VerifyHashedPassword(Nobody, usable ? hash! : _decoy.Value, secret ?? "");
        return usable && result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
    }

    /// <summary>PasswordHasher is generic over a user type; MediaGate's hashes depend on nothing but the secret.</summary>
    private sealed class Credential;
}
