using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MediaGate.Data.Audit;

/// <summary>
/// The newest entry of the audit chain as the manager exports it (<c>GET /api/manager/audit/head</c>), signed, to be kept
/// outside the database (a file, a printout). Checked later (<c>mediagate audit verify --head FILE</c>,
/// <see cref="AuditChain.CheckHead"/>), it shows whether entries were cut off the end or the chain re-made since.
/// </summary>
/// <param name="Sequence">The newest entry's sequence number when exported.</param>
/// <param name="Hash">Its hash.</param>
/// <param name="At">When the head was exported.</param>
/// <param name="KeyId">The master key the signature's key was derived from.</param>
/// <param name="Signature">HMAC-SHA256 (hex) over the other fields, under the chain key.</param>
public sealed record AuditHead(long Sequence, string Hash, DateTimeOffset At, string KeyId, string Signature)
{
    /// <summary>Signs the head of <paramref name="newest"/> at <paramref name="at"/> with the current key.</summary>
    public static AuditHead Sign(AuditEntry? newest, DateTimeOffset at, AuditKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        long sequence = newest?.Sequence ?? 0;
        string hash = newest?.Hash ?? AuditChain.Genesis;
        var utc = at.ToUniversalTime();
        return new AuditHead(sequence, hash, utc, keys.CurrentId, Compute(sequence, hash, utc, keys.CurrentId, keys.Find(keys.CurrentId)!));
    }

    /// <summary>True when the signature holds under the key this head names.</summary>
    public bool IsSignedBy(AuditKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Find(KeyId) is not { } key)
        {
            return false;
        }

        byte[] expected = Encoding.ASCII.GetBytes(Compute(Sequence, Hash, At.ToUniversalTime(), KeyId, key));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(Signature ?? ""));
    }

    private static string Compute(long sequence, string hash, DateTimeOffset at, string keyId, byte[] key)
    {
        string text = string.Join('\n', "mediagate audit head v1", sequence.ToString(CultureInfo.InvariantCulture), hash,
            at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), keyId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }
}
