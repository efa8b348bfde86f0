using System.Data.Common;
using Dapper;
using MediaGate.Data.Work;

namespace MediaGate.Data.Sql;

/// <summary>
/// The work queue in <c>work_queue</c>. A claim is one UPDATE of the claimable row of the lowest turn, the oldest
/// of those first (every upload's first photo before any upload's second: a batch does not starve a single photo): on PostgreSQL
/// the row is chosen with <c>FOR UPDATE SKIP LOCKED</c>, so nodes claiming at once take different rows
/// without waiting on each other; on SQLite the statement runs under the database's write lock (one node).
/// Every later change is conditional on the claim's token, which fences a node whose lease ran out.
/// </summary>
internal sealed class SqlWorkQueue(SqlStore store, TimeProvider time) : IWorkQueue
{
    /// <summary>The work kind of an uploaded photo (the upload's own, AcceptUpload.WorkKind).</summary>
    private const string ProcessKind = "process";

    // A failed item (alias m) that a re-queue can process again: its master is recorded (processing decides from it), or
    // its original is still kept, written down for deletion and not yet taken by a sweep. Once the sweep deleted the
    // original, putting the item back would only fail it again; it stays failed (never released), and is not counted as
    // something the manager can try again. One rule for the count, the list and the re-queue itself.
    private const string Requeueable =
        "m.status = 'failed' AND (m.master_key IS NOT NULL OR EXISTS (SELECT 1 FROM pending_deletions p " +
        "WHERE p.store = 'master' AND p.object_key = m.upload_key AND p.reason = 'upload' AND p.claimed_by IS NULL))";

    // A claim of the claiming process itself is never taken over: that process is alive and still holds the item.
    private const string Claimable =
        "((state = 'pending' AND (not_before IS NULL OR not_before <= @now)) OR (state = 'claimed' AND lease_until < @now AND claimed_by <> @node))";

    public Task<bool> EnqueueAsync(string id, string kind, CancellationToken cancellationToken = default) =>
        EnqueueAsync(id, kind, 0, cancellationToken);

    public async Task<bool> EnqueueAsync(string id, string kind, int turn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentOutOfRangeException.ThrowIfNegative(turn);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await EnqueueAsync(connection, null, id, kind, turn, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same insert inside a caller's transaction, so that work is queued together with the rows it is about.</summary>
    internal static async Task<bool> EnqueueAsync(
        DbConnection connection, DbTransaction? transaction, string id, string kind, int turn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int added = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO work_queue (id, kind, state, enqueued_at, attempts, turn) VALUES (@id, @kind, 'pending', @now, 0, @turn) ON CONFLICT (id) DO NOTHING",
            new { id, kind, now = DbText.Instant(now), turn = (long)turn }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return added == 1;
    }

    public Task<WorkClaim?> ClaimAsync(string node, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default) =>
        ClaimAsync(node, lease, maxAttempts, $"kind <> '{Data.Media.MediaKinds.VideoWork}'", null, cancellationToken);

    public Task<WorkClaim?> ClaimKindAsync(string node, TimeSpan lease, int maxAttempts, string kind, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        return ClaimAsync(node, lease, maxAttempts, "kind = @kind", kind, cancellationToken);
    }

    private async Task<WorkClaim?> ClaimAsync(string node, TimeSpan lease, int maxAttempts, string lane, string? kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        DateTimeOffset now = time.GetUtcNow();
        string token = Guid.NewGuid().ToString("N");
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // An item whose node died on every attempt (a file that crashes or stalls the process) is given up,
        // not handed to the next node to crash it too; the caller's use case then fails the item closed. A claim of the
        // claiming process itself is no such item: that process is alive, and still holds it (giving it back after a
        // database outage longer than the lease, issue 13).
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE work_queue SET state = 'failed', claim_token = NULL, lease_until = NULL, finished_at = @now, " +
            "last_error = 'its node stopped before finishing, ' || CAST(attempts AS TEXT) || ' times' " +
            "WHERE state = 'claimed' AND lease_until < @now AND attempts >= @maxAttempts AND claimed_by <> @node",
            new { now = DbText.Instant(now), maxAttempts = (long)maxAttempts, node }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        string pick = store.Kind == StoreKind.PostgreSql
            ? $"SELECT id FROM work_queue WHERE {Claimable} AND {lane} ORDER BY turn, enqueued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED"
            : $"SELECT id FROM work_queue WHERE {Claimable} AND {lane} ORDER BY turn, enqueued_at, id LIMIT 1";
        var claimed = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(
            "UPDATE work_queue SET state = 'claimed', claim_token = @token, claimed_by = @node, lease_until = @until, attempts = attempts + 1 " +
            $"WHERE id = ({pick}) RETURNING id AS Id, kind AS Kind, attempts AS Attempts, outages AS Outages",
            new { token, node, until = DbText.Instant(now + lease), now = DbText.Instant(now), kind }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed is null ? null : new WorkClaim(claimed.Id, claimed.Kind, token, checked((int)claimed.Attempts), checked((int)claimed.Outages));
    }

    public async Task<bool> RenewAsync(WorkClaim claim, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        DateTimeOffset now = time.GetUtcNow();
        return await ChangeAsync(
            "UPDATE work_queue SET lease_until = @until WHERE id = @id AND claim_token = @token AND state = 'claimed' AND lease_until >= @now",
            new { id = claim.Id, token = claim.Token, until = DbText.Instant(now + lease), now = DbText.Instant(now) }, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> CompleteAsync(WorkClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return ChangeAsync(
            "UPDATE work_queue SET state = 'done', claim_token = NULL, lease_until = NULL, finished_at = @now WHERE id = @id AND claim_token = @token AND state = 'claimed'",
            new { id = claim.Id, token = claim.Token, now = DbText.Instant(time.GetUtcNow()) }, cancellationToken);
    }

    public Task<bool> FailAsync(WorkClaim claim, string error, int maxAttempts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(error);
        return ChangeAsync(
            "UPDATE work_queue SET state = CASE WHEN attempts >= @maxAttempts THEN 'failed' ELSE 'pending' END, " +
            "finished_at = CASE WHEN attempts >= @maxAttempts THEN @now ELSE NULL END, claim_token = NULL, lease_until = NULL, last_error = @error " +
            "WHERE id = @id AND claim_token = @token AND state = 'claimed'",
            new { id = claim.Id, token = claim.Token, error, maxAttempts = (long)maxAttempts, now = DbText.Instant(time.GetUtcNow()) }, cancellationToken);
    }

    public Task<bool> PostponeAsync(WorkClaim claim, string error, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(error);

        // The attempt the claim spent is given back: an outage is not the photo's fault (Gate:MaxAttempts counts only those).
        return ChangeAsync(
            "UPDATE work_queue SET state = 'pending', attempts = attempts - 1, outages = outages + 1, not_before = @notBefore, " +
            "claim_token = NULL, lease_until = NULL, last_error = @error WHERE id = @id AND claim_token = @token AND state = 'claimed'",
            new { id = claim.Id, token = claim.Token, error, notBefore = DbText.Instant(notBefore) }, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> HoldersAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var holders = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT claimed_by FROM work_queue WHERE state = 'claimed' AND claimed_by IS NOT NULL AND substr(claimed_by, 1, CAST(@length AS INTEGER)) = @prefix",
            new { prefix, length = prefix.Length }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return holders.ToArray();
    }

    public async Task<int> ReleaseAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(holder);
        DateTimeOffset now = time.GetUtcNow();
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);

        // As if the lease had run out just now: the attempt still counts (a photo that kills its node is given up as before).
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE work_queue SET lease_until = @expired WHERE state = 'claimed' AND claimed_by = @holder",
            new { holder, expired = DbText.Instant(now - TimeSpan.FromMilliseconds(1)) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> RequeueFailedAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        DateTimeOffset now = time.GetUtcNow();
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var item = await connection.QuerySingleOrDefaultAsync<RequeueRow>(new CommandDefinition(
            $"SELECT m.upload_key AS UploadKey, m.master_key AS MasterKey, m.kind AS Kind FROM media_items m WHERE m.id = @id AND {Requeueable}",
            new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (item is null)
        {
            return false;
        }

        // The failed original was written down for deletion; it is needed again. A sweep that took it meanwhile is
        // deleting it: without a master there is then nothing to process, and the item stays failed.
        int kept = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM pending_deletions WHERE store = 'master' AND object_key = @UploadKey AND reason = 'upload' AND claimed_by IS NULL",
            item, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (kept == 0 && item.MasterKey is null)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE media_items SET status = 'processing', status_detail = NULL, updated_at = @now WHERE id = @id AND status = 'failed'",
            new { id, now = DbText.Instant(now) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        int changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE work_queue SET state = 'pending', attempts = 0, outages = 0, not_before = NULL, claim_token = NULL, claimed_by = NULL, " +
            "lease_until = NULL, finished_at = NULL WHERE id = @id",
            new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed == 0)
        {
            // Its work entry is gone: made again, in the item's own lane (a video in the photo lane would fail as "not an image").
            await EnqueueAsync(connection, transaction, id, item.Kind == Data.Media.MediaKinds.Video ? Data.Media.MediaKinds.VideoWork : ProcessKind, 0, now, cancellationToken)
                .ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<string>> RequeueableAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT m.id FROM media_items m WHERE {Requeueable} ORDER BY m.created_at, m.id LIMIT @limit",
            new { limit = (long)limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ids.ToArray();
    }

    public async Task<long> CountRequeueableAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM media_items m WHERE {Requeueable}", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<WorkState?> StateAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        string? state = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT state FROM work_queue WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return state is null ? null : Enum.Parse<WorkState>(state, ignoreCase: true);
    }

    private async Task<bool> ChangeAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        int changed = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 1;
    }

    private sealed class RequeueRow
    {
        public string UploadKey { get; init; } = "";

        public string? MasterKey { get; init; }

        public string Kind { get; init; } = "";
    }

    private sealed class ClaimRow
    {
        public string Id { get; init; } = "";

        public string Kind { get; init; } = "";

        public long Attempts { get; init; }

        public long Outages { get; init; }
    }
}
