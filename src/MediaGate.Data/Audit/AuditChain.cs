using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MediaGate.Data.Audit;

/// <summary>
/// The hash chain that makes the audit log tamper-evident: each entry's hash covers its own fields and the
/// previous entry's hash, so changing, removing, inserting or reordering any entry breaks every link after
/// it. Pure functions; the store only persists what these compute.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// SHA-256 (lower-case hex) over the entry's fields, each length-prefixed so that no two different
    /// entries encode to the same bytes (moving text from one field to the next changes the hash).
    /// </summary>
    public static string HashOf(long sequence, DateTimeOffset at, string actor, string action, string subject, string? detail, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(previousHash);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, sequence);
        hash.AppendData(number);
        Field(hash, at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Field(hash, actor);
        Field(hash, action);
        Field(hash, subject);
        Field(hash, detail);
        Field(hash, previousHash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The entry that follows <paramref name="previous"/> (null for the first).</summary>
    public static AuditEntry Next(AuditEntry? previous, DateTimeOffset at, AuditEvent what)
    {
        ArgumentNullException.ThrowIfNull(what);
        long sequence = (previous?.Sequence ?? 0) + 1;
        string previousHash = previous?.Hash ?? Genesis;
        DateTimeOffset utc = at.ToUniversalTime();
        string hash = HashOf(sequence, utc, what.Actor, what.Action, what.Subject, what.Detail, previousHash);
        return new AuditEntry(sequence, utc, what.Actor, what.Action, what.Subject, what.Detail, previousHash, hash);
    }

    /// <summary>Walks the entries in stored order and reports the first link that does not hold.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        long count = 0;
        AuditEntry? previous = null;
        foreach (AuditEntry entry in entries)
        {
            count++;
            long expected = (previous?.Sequence ?? 0) + 1;
            if (entry.Sequence != expected)
            {
                return AuditVerification.Broken(count - 1, entry.Sequence, $"entry {expected} is missing: the next stored entry is {entry.Sequence}");
            }

            string expectedPrevious = previous?.Hash ?? Genesis;
            if (!string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal))
            {
                return AuditVerification.Broken(count - 1, entry.Sequence, $"entry {entry.Sequence} does not link to entry {expected - 1}");
            }

            string recomputed = HashOf(entry.Sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail, entry.PreviousHash);
            if (!string.Equals(entry.Hash, recomputed, StringComparison.Ordinal))
            {
                return AuditVerification.Broken(count - 1, entry.Sequence, $"entry {entry.Sequence} was changed after it was written");
            }

            previous = entry;
        }

        return AuditVerification.Intact(count, previous?.Hash ?? Genesis);
    }

    private static void Field(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            hash.AppendData(length);
            return;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
