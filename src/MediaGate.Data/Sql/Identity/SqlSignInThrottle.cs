using Dapper;
using MediaGate.Data.Identity;

namespace MediaGate.Data.Sql.Identity;

/// <summary>
/// Attempt counters in <c>sign_in_throttle</c>. An attempt is one upsert, so that two nodes counting at once
/// both count: the row's counter is incremented in the database, never read, changed and written back.
/// </summary>
internal sealed class SqlSignInThrottle(SqlStore store) : ISignInThrottle
{
    public async Task<DateTimeOffset?> LockedUntilAsync(string key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        string? until = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT locked_until FROM sign_in_throttle WHERE throttle_key = @key AND locked_until > @now",
            new { key, now = DbText.Instant(now) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return DbText.ToInstantOrNull(until);
    }

    public async Task<SignInCount> CountAttemptAsync(string key, DateTimeOffset now, SignInLimit limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit.MaxFailures, 1);

        // The count restarts at 1 when the window began before windowFloor or the lock-out has ended. A lock,
        // once set, is kept until it ends (attempts racing past the limit do not extend it).
        const string Restart = "(sign_in_throttle.window_start < @windowFloor OR sign_in_throttle.locked_until <= @now)";
        const string Locked = "sign_in_throttle.locked_until > @now";
        const string NewCount = $"(CASE WHEN {Restart} THEN 1 ELSE sign_in_throttle.failures + 1 END)";
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);

        // In a transaction: on SQLite that begins IMMEDIATE, taking the write lock (waiting while another
        // node or request holds it) before the upsert; alone, an upsert with RETURNING can fail at once with
        // "database is locked" when writers contend.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<CountRow>(new CommandDefinition(
            "INSERT INTO sign_in_throttle (throttle_key, failures, window_start, locked_until) " +
            "VALUES (@key, 1, @now, CASE WHEN 1 >= @max THEN @lockUntil ELSE NULL END) " +
            "ON CONFLICT (throttle_key) DO UPDATE SET " +
            $"locked_until = CASE WHEN {Locked} THEN sign_in_throttle.locked_until WHEN {NewCount} >= @max THEN @lockUntil ELSE NULL END, " +
            $"window_start = CASE WHEN {Restart} THEN @now ELSE sign_in_throttle.window_start END, " +
            $"failures = {NewCount} " +
            "RETURNING failures AS Failures, locked_until AS LockedUntil",
            new
            {
                key,
                now = DbText.Instant(now),
                windowFloor = DbText.Instant(now - limit.Window),
                lockUntil = DbText.Instant(now + limit.Lockout),
                max = (long)limit.MaxFailures,
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SignInCount(row.Failures, DbText.ToInstantOrNull(row.LockedUntil));
    }

    public async Task ForgiveAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Delete a count of one first, then decrement a larger one: the other order would forgive twice.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_throttle WHERE throttle_key = @key AND failures = 1 AND locked_until IS NULL",
            new { key }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sign_in_throttle SET failures = failures - 1 WHERE throttle_key = @key AND failures > 1",
            new { key }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ResetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_throttle WHERE throttle_key = @key", new { key }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<int> PruneAsync(DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_throttle WHERE window_start < @windowFloor AND (locked_until IS NULL OR locked_until <= @now)",
            new { now = DbText.Instant(now), windowFloor = DbText.Instant(now - window) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed class CountRow
    {
        public long Failures { get; init; }

        public string? LockedUntil { get; init; }
    }
}
