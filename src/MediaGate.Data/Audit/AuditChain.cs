using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MediaGate.Data.Audit;

/// <summary>
/// The hash chain that makes the audit log tamper-evident: each entry's hash covers its own fields and the
/// previous entry's hash, so changing, removing, inserting or reordering any entry breaks every link after
/// it. Pure functions; the store only persists what these compute.
/// Keyed (issue 13): with <see cref="AuditKeys"/> an entry's link is an HMAC-SHA256 under a key derived from the
/// master key, written <c>k1:&lt;master key id&gt;:&lt;hex&gt;</c>, so someone with write access to the database but
/// not the master key cannot edit an entry and recompute the links after it. Entries written before keying
/// (plain SHA-256 hex) still verify, but no plain entry may follow a keyed one. Cutting entries off the end is
/// what the signed head (<see cref="AuditHead"/>, kept outside the database) reveals.
/// </summary>
public static class AuditChain
{
    private const string KeyedPrefix = "k1:";

    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// SHA-256 (lower-case hex) over the entry's fields, each length-prefixed so that no two different
    /// entries encode to the same bytes (moving text from one field to the next changes the hash).
    /// </summary>
    public static string HashOf(long sequence, DateTimeOffset at, string actor, string action, string subject, string? detail, string previousHash) =>
        Compute(sequence, at, actor, action, subject, detail, previousHash, key: null);

    /// <summary>The keyed link: HMAC-SHA256 under <paramref name="key"/> (from <see cref="AuditKeys"/>), written with the key's id.</summary>
    public static string KeyedHashOf(long sequence, DateTimeOffset at, string actor, string action, string subject, string? detail, string previousHash, string keyId, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(key);
        return KeyedPrefix + keyId + ":" + Compute(sequence, at, actor, action, subject, detail, previousHash, key);
    }

    private static string Compute(long sequence, DateTimeOffset at, string actor, string action, string subject, string? detail, string previousHash, byte[]? key)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(previousHash);
        using var hash = key is null ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
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
    public static AuditEntry Next(AuditEntry? previous, DateTimeOffset at, AuditEvent what, AuditKeys? keys = null)
    {
        ArgumentNullException.ThrowIfNull(what);
        long sequence = (previous?.Sequence ?? 0) + 1;
        string previousHash = previous?.Hash ?? Genesis;
        DateTimeOffset utc = at.ToUniversalTime();
        string hash = keys is null
            ? HashOf(sequence, utc, what.Actor, what.Action, what.Subject, what.Detail, previousHash)
            : KeyedHashOf(sequence, utc, what.Actor, what.Action, what.Subject, what.Detail, previousHash, keys.CurrentId, keys.Find(keys.CurrentId)!);
        return new AuditEntry(sequence, utc, what.Actor, what.Action, what.Subject, what.Detail, previousHash, hash);
    }

    /// <summary>Walks the entries in stored order and reports the first link that does not hold.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, AuditKeys? keys = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        long count = 0;
        AuditEntry? previous = null;
        bool keyedSeen = false;
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

            string? recomputed;
            if (entry.Hash.StartsWith(KeyedPrefix, StringComparison.Ordinal))
            {
                keyedSeen = true;
                int end = entry.Hash.IndexOf(':', KeyedPrefix.Length);
                string keyId = end > 0 ? entry.Hash[KeyedPrefix.Length..end] : "";
                if (keys?.Find(keyId) is not { } key)
                {
                    return AuditVerification.Broken(count - 1, entry.Sequence,
                        $"entry {entry.Sequence} is keyed with master key '{keyId}', which is not configured here: it cannot be checked");
                }

                recomputed = KeyedHashOf(entry.Sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail, entry.PreviousHash, keyId, key);
            }
            else if (keyedSeen)
            {
                return AuditVerification.Broken(count - 1, entry.Sequence, $"entry {entry.Sequence} is not keyed although entries before it are: the chain was re-made without the key");
            }
            else
            {
                recomputed = HashOf(entry.Sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail, entry.PreviousHash);
            }

            if (!string.Equals(entry.Hash, recomputed, StringComparison.Ordinal))
            {
                return AuditVerification.Broken(count - 1, entry.Sequence, $"entry {entry.Sequence} was changed after it was written");
            }

            previous = entry;
        }

        return AuditVerification.Intact(count, previous?.Hash ?? Genesis);
    }

    /// <summary>
    /// Checks a head exported earlier (<see cref="AuditHead"/>) against the stored chain: its signature must hold, and
    /// the stored entry with its sequence must carry its hash. A log cut back below the head, or re-made from there on,
    /// fails. Returns null when it holds, else the problem in a sentence.
    /// </summary>
    public static string? CheckHead(IEnumerable<AuditEntry> entries, AuditHead head, AuditKeys keys)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(keys);
        if (!head.IsSignedBy(keys))
        {
            return "the head's signature does not hold: it was not exported by this setting's service, or it was altered";
        }

        var entry = entries.FirstOrDefault(e => e.Sequence == head.Sequence);
        return entry is null
            ? $"entry {head.Sequence} of the exported head is no longer in the log: entries were cut off"
            : string.Equals(entry.Hash, head.Hash, StringComparison.Ordinal)
                ? null
                : $"entry {head.Sequence} differs from the exported head: the chain was re-made from there";
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
