using Dapper;
using MediaGate.Data.Identity;

namespace MediaGate.Data.Sql.Identity;

/// <summary>
/// Failure counters in <c>sign_in_throttle</c>. A failure is one upsert, so that two nodes counting at once
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

    public async Task<DateTimeOffset?> RecordFailureAsync(string key, DateTimeOffset now, SignInLimit limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit.MaxFailures, 1);

        // A window that began before windowFloor is over: the count restarts at 1. A lock, once set, stays
        // until it runs out (a later failure inside a lock extends nothing: it was refused before counting).
        const string Fresh = "sign_in_throttle.window_start < @windowFloor";
        const string NewCount = $"(CASE WHEN {Fresh} THEN 1 ELSE sign_in_throttle.failures + 1 END)";
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        string? until = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "INSERT INTO sign_in_throttle (throttle_key, failures, window_start, locked_until) " +
            "VALUES (@key, 1, @now, CASE WHEN 1 >= @max THEN @lockUntil ELSE NULL END) " +
            "ON CONFLICT (throttle_key) DO UPDATE SET " +
            $"locked_until = CASE WHEN {NewCount} >= @max THEN @lockUntil WHEN sign_in_throttle.locked_until > @now THEN sign_in_throttle.locked_until ELSE NULL END, " +
            $"window_start = CASE WHEN {Fresh} THEN @now ELSE sign_in_throttle.window_start END, " +
            $"failures = {NewCount} " +
            "RETURNING locked_until",
            new
            {
                key,
                now = DbText.Instant(now),
                windowFloor = DbText.Instant(now - limit.Window),
                lockUntil = DbText.Instant(now + limit.Lockout),
                max = (long)limit.MaxFailures,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return DbText.ToInstantOrNull(until);
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
}
