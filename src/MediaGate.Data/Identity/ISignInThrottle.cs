namespace MediaGate.Data.Identity;

/// <summary>
/// Failed sign-in counters, per username and per source (device or address), kept in the database so that
/// every node counts the same failures. After <c>limit</c> failures within a window the key is locked out.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>Until when the key is locked out, or null when it is not (at <paramref name="now"/>).</summary>
    Task<DateTimeOffset?> LockedUntilAsync(string key, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one failure (the count restarts when the previous window began more than the limit's window
    /// ago, see <see cref="SignInLimit"/>) and returns until when the key is now locked out, or null when it is not.
    /// </summary>
    Task<DateTimeOffset?> RecordFailureAsync(string key, DateTimeOffset now, SignInLimit limit, CancellationToken cancellationToken = default);

    /// <summary>Forgets the key's failures (after a successful sign-in).</summary>
    Task ResetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the counters that no longer matter at <paramref name="now"/>: their window ended and they are
    /// not locked out (guessed usernames and addresses would otherwise stay for ever). Returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken = default);
}
