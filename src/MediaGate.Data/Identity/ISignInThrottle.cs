namespace MediaGate.Data.Identity;

/// <summary>
/// Sign-in attempt counters with growing delays (no hard lock-out), kept in the database so that every node counts
/// the same attempts. A key names who is guessing at what: a client address and an account, a tablet and an account,
/// or a tablet alone. An attempt is counted before its credentials are checked, so that attempts sent in parallel
/// cannot slip past a delay together; a right answer clears its key.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>
    /// Counts one attempt on <paramref name="key"/>, atomically, unless the key must still wait: then nothing changes and
    /// the answer says until when. A count restarts after a quiet <see cref="ISignInWaits.QuietWindow"/>; each admitted
    /// attempt sets the wait <see cref="ISignInWaits.DelayAfter"/> gives for its count before the next one.
    /// </summary>
    Task<SignInTurn> TryAttemptAsync(string key, DateTimeOffset now, ISignInWaits delays, CancellationToken cancellationToken = default);

    /// <summary>Takes back one counted attempt whose credentials were right, and the wait it set.</summary>
    Task ForgiveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Forgets the key's attempts (its account signed in from there).</summary>
    Task ResetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the counters that no longer matter at <paramref name="now"/>: quiet for <paramref name="window"/> since
    /// their last attempt or wait (guessed usernames and addresses would otherwise stay for ever). Returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken = default);
}
