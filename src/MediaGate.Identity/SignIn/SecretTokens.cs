using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MediaGate.Identity.SignIn;

/// <summary>
/// Device secrets and website keys: 256 random bits, base64url, shown once. Only their SHA-256 is stored: a
/// fast hash is enough for a secret that cannot be guessed (unlike a password), and lets a key be looked up.
/// </summary>
public static class SecretTokens
{
    /// <summary>Longest secret or key accepted from a client (anything longer is refused unread).</summary>
    public const int MaxLength = 200;

    public static string NewSecret(string prefix = "") => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>Compares the secret's hash with a stored hash in constant time.</summary>
    public static bool Matches(string? secret, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        if (secret is null || secret.Length > MaxLength)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
    }
}
