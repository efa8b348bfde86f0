using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using MediaGate.Data.Audit;

namespace MediaGate.Data.Sql;

/// <summary>
/// The audit chain in <c>audit_log</c>. An append reads the newest entry and inserts the next one in one
/// transaction that holds the table's write lock (SQLite: an immediate transaction; PostgreSQL: a
/// table lock that lets readers through), so two nodes appending at once queue rather than fork the chain;
/// the primary key on the sequence number refuses a fork all the same. The database refuses UPDATE and DELETE.
/// </summary>
internal sealed class SqlAuditLog(SqlStore store, TimeProvider time) : IAuditLog
{
    /// <summary>Set once at start by the service (<see cref="MediaGateDatabase.UseAuditKeys"/>): new entries are keyed.</summary>
    public AuditKeys? Keys { get; set; }

    private const string Columns = "seq, at, actor, action, subject, detail, prev_hash, hash";
    private const string Select = "SELECT seq AS Seq, at AS At, actor AS Actor, action AS Action, subject AS Subject, detail AS Detail, prev_hash AS PrevHash, hash AS Hash FROM audit_log";

    public async Task<AuditEntry> AppendAsync(AuditEvent what, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(what);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (store.Kind == StoreKind.PostgreSql)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var newest = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} ORDER BY seq DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        AuditEntry entry = AuditChain.Next(newest?.ToEntry(), time.GetUtcNow(), what, Keys);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO audit_log ({Columns}) VALUES (@Seq, @At, @Actor, @Action, @Subject, @Detail, @PrevHash, @Hash)",
            Row.From(entry), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return entry;
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        var entries = new List<AuditEntry>();
        await foreach (AuditEntry entry in StreamAsync(cancellationToken).ConfigureAwait(false))
        {
            if ((from is null || entry.At >= from) && (to is null || entry.At < to))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadPageAsync(
        DateTimeOffset? from, DateTimeOffset? to, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var entries = new List<AuditEntry>(Math.Min(limit, 1024));
        await foreach (AuditEntry entry in StreamAsync(cancellationToken).ConfigureAwait(false))
        {
            if (entry.Sequence > afterSequence && (from is null || entry.At >= from) && (to is null || entry.At < to))
            {
                entries.Add(entry);
                if (entries.Count == limit)
                {
                    break;
                }
            }
        }

        return entries;
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadPageAsync(AuditQuery query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var where = new List<string> { "seq > @After" };
        var args = new DynamicParameters(new { After = query.AfterSequence, Limit = limit });
        if (query.BeforeSequence is { } before)
        {
            where.Add("seq < @Before");
            args.Add("Before", before);
        }

        if (query.From is { } from)
        {
            where.Add("at >= @From"); // fixed-format text (DbText) sorts as time does
            args.Add("From", DbText.Instant(from));
        }

        if (query.To is { } to)
        {
            where.Add("at < @To");
            args.Add("To", DbText.Instant(to));
        }

        if (!string.IsNullOrEmpty(query.ActionPrefix))
        {
            // substr/length rather than LIKE: a prefix holding % or _ matches only itself, on both engines.
            where.Add("substr(action, 1, length(@ActionPrefix)) = @ActionPrefix");
            args.Add("ActionPrefix", query.ActionPrefix);
        }

        if (!string.IsNullOrEmpty(query.Actor))
        {
            where.Add("actor = @Actor");
            args.Add("Actor", query.Actor);
        }

        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Select} WHERE {string.Join(" AND ", where)} ORDER BY seq{(query.NewestFirst ? " DESC" : "")} LIMIT @Limit", args, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToEntry()).ToArray();
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        AuditChain.Verify(await AllAsync(cancellationToken).ConfigureAwait(false), Keys);

    public async Task<string?> CheckHeadAsync(AuditHead head, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (Keys is null)
        {
            return "no master key is configured here, so the head's signature cannot be checked";
        }

        return AuditChain.CheckHead(await AllAsync(cancellationToken).ConfigureAwait(false), head, Keys);
    }

    private async Task<List<AuditEntry>> AllAsync(CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await foreach (AuditEntry entry in StreamAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        return entries;
    }

    public async Task<AuditHead?> SignHeadAsync(CancellationToken cancellationToken = default)
    {
        if (Keys is null)
        {
            return null;
        }

        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var newest = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"{Select} ORDER BY seq DESC LIMIT 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return AuditHead.Sign(newest?.ToEntry(), time.GetUtcNow(), Keys);
    }

    private async IAsyncEnumerable<AuditEntry> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"{Select} ORDER BY seq";
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var parser = reader.GetRowParser<Row>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return parser(reader).ToEntry();
        }
    }

    private sealed class Row
    {
        public long Seq { get; init; }

        public string At { get; init; } = "";

        public string Actor { get; init; } = "";

        public string Action { get; init; } = "";

        public string Subject { get; init; } = "";

        public string? Detail { get; init; }

        public string PrevHash { get; init; } = "";

        public string Hash { get; init; } = "";

        public static Row From(AuditEntry entry) => new()
        {
            Seq = entry.Sequence,
            At = DbText.Instant(entry.At),
            Actor = entry.Actor,
            Action = entry.Action,
            Subject = entry.Subject,
            Detail = entry.Detail,
            PrevHash = entry.PreviousHash,
            Hash = entry.Hash,
        };

        public AuditEntry ToEntry() => new(
            Seq,
            DbText.ToInstant(At),
            Actor,
            Action,
            Subject,
            Detail,
            PrevHash,
            Hash);
    }
}
