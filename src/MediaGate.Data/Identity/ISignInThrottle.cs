namespace MediaGate.Data.Identity;

/// <summary>
/// Sign-in attempt counters, per username and per source (device or address), kept in the database so that
/// every node counts the same attempts. An attempt is counted before its credentials are checked (and
/// forgiven when they were right), so that attempts sent in parallel cannot slip past the limit together.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>Until when the key is locked out, or null when it is not (at <paramref name="now"/>).</summary>
    Task<DateTimeOffset?> LockedUntilAsync(string key, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one attempt, atomically. The count restarts when its window (<see cref="SignInLimit.Window"/>) is
    /// over or its lock-out has ended; the attempt that reaches <see cref="SignInLimit.MaxFailures"/> locks the
    /// key for <see cref="SignInLimit.Lockout"/>. An attempt whose count is past the limit must be refused unchecked.
    /// </summary>
    Task<SignInCount> CountAttemptAsync(string key, DateTimeOffset now, SignInLimit limit, CancellationToken cancellationToken = default);

    /// <summary>Takes back one counted attempt (its credentials were right), keeping any lock-out.</summary>
    Task ForgiveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Forgets the key's attempts (the account signed in).</summary>
    Task ResetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the counters that no longer matter at <paramref name="now"/>: their window ended and they are
    /// not locked out (guessed usernames and addresses would otherwise stay for ever). Returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken = default);
}
