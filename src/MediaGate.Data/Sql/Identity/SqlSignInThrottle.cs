using Dapper;
using MediaGate.Data.Identity;

namespace MediaGate.Data.Sql.Identity;

/// <summary>
/// Attempt counters in <c>sign_in_throttle</c> (migration 16): the count, the last counted attempt, the time before which
/// no attempt is admitted, and the id of the attempt last admitted. An attempt is one upsert, so that two nodes counting
/// at once both count; its own id coming back says it was admitted (a waiting key is left as it was).
/// </summary>
internal sealed class SqlSignInThrottle(SqlStore store) : ISignInThrottle
{
    public async Task<SignInTurn> TryAttemptAsync(string key, DateTimeOffset now, ISignInWaits delays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(delays);

        const string Waiting = "(sign_in_throttle.next_attempt_at IS NOT NULL AND sign_in_throttle.next_attempt_at > @now)";
        const string Quiet = "(COALESCE(sign_in_throttle.next_attempt_at, sign_in_throttle.last_attempt_at) < @quietFloor)";
        string attemptId = Guid.NewGuid().ToString("N");
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);

        // In a transaction: on SQLite that begins IMMEDIATE, taking the write lock before the upsert; on PostgreSQL the
        // upserted row stays locked until the commit. Either way the wait set below is in place before the next attempt.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<TurnRow>(new CommandDefinition(
            "INSERT INTO sign_in_throttle (throttle_key, failures, last_attempt_at, next_attempt_at, attempt_id) " +
            "VALUES (@key, 1, @now, NULL, @attemptId) " +
            "ON CONFLICT (throttle_key) DO UPDATE SET " +
            $"failures = CASE WHEN {Waiting} THEN sign_in_throttle.failures WHEN {Quiet} THEN 1 ELSE sign_in_throttle.failures + 1 END, " +
            $"last_attempt_at = CASE WHEN {Waiting} THEN sign_in_throttle.last_attempt_at ELSE @now END, " +
            $"next_attempt_at = CASE WHEN {Waiting} THEN sign_in_throttle.next_attempt_at ELSE NULL END, " +
            $"attempt_id = CASE WHEN {Waiting} THEN sign_in_throttle.attempt_id ELSE @attemptId END " +
            "RETURNING failures AS Failures, next_attempt_at AS NextAttemptAt, attempt_id AS AttemptId",
            new { key, now = DbText.Instant(now), quietFloor = DbText.Instant(now - delays.QuietWindow), attemptId },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        if (row.AttemptId != attemptId)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new SignInTurn(false, row.Failures, DbText.ToInstantOrNull(row.NextAttemptAt), false);
        }

        TimeSpan delay = delays.DelayAfter(row.Failures);
        DateTimeOffset? waitUntil = delay > TimeSpan.Zero ? now + delay : null;
        if (waitUntil is { } until)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE sign_in_throttle SET next_attempt_at = @until WHERE throttle_key = @key",
                new { key, until = DbText.Instant(until) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        // The delays began with this attempt when it set a wait and the count before it would not have.
        bool delaysBegan = waitUntil is not null && delays.DelayAfter(row.Failures - 1) == TimeSpan.Zero;
        return new SignInTurn(true, row.Failures, waitUntil, delaysBegan);
    }

    public async Task ForgiveAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Delete a count of one first, then decrement a larger one: the other order would forgive twice. The wait this
        // attempt set goes too (the one before it had passed, or the attempt would not have been admitted).
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_throttle WHERE throttle_key = @key AND failures = 1",
            new { key }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sign_in_throttle SET failures = failures - 1, next_attempt_at = NULL WHERE throttle_key = @key AND failures > 1",
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
            "DELETE FROM sign_in_throttle WHERE COALESCE(next_attempt_at, last_attempt_at) < @quietFloor",
            new { quietFloor = DbText.Instant(now - window) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed class TurnRow
    {
        public long Failures { get; init; }

        public string? NextAttemptAt { get; init; }

        public string AttemptId { get; init; } = "";
    }
}
