using MediaGate.Data.Audit;

namespace MediaGate.Data;

/// <summary>The append-only, hash-chained audit log (product.md, rules the software enforces).</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry linked to the newest one; concurrent appends are serialised, never forked.</summary>
    Task<AuditEntry> AppendAsync(AuditEvent what, CancellationToken cancellationToken = default);

    /// <summary>Entries appended in [<paramref name="from"/>, <paramref name="to"/>), oldest first (either bound optional).</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// At most <paramref name="limit"/> entries appended in [<paramref name="from"/>, <paramref name="to"/>) whose
    /// sequence is after <paramref name="afterSequence"/>, oldest first: a page, so that reading a long log never
    /// holds all of it in memory (the next page starts after the last sequence returned).
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ReadPageAsync(DateTimeOffset? from, DateTimeOffset? to, long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// At most <paramref name="limit"/> entries that match <paramref name="query"/>, oldest first (or newest first when
    /// it says so), filtered by the database (a page: the next one starts after, or newest first before, the last
    /// sequence returned).
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ReadPageAsync(AuditQuery query, int limit, CancellationToken cancellationToken = default);

    /// <summary>Walks the whole chain, streaming, and names the first broken link.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);

    /// <summary>The newest entry, signed for export (<see cref="AuditHead"/>); null when no master key is configured.</summary>
    Task<AuditHead?> SignHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks a head exported earlier against the stored chain; null when it holds, else the problem.</summary>
    Task<string?> CheckHeadAsync(AuditHead head, CancellationToken cancellationToken = default);
}
