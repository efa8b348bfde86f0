namespace MediaGate.Identity.SignIn;

/// <summary>
/// How many failed sign-ins that name no account (a made-up username, a wrong device secret) the audit log records from
/// one client address: <see cref="PerWindow"/> a minute, then one entry saying the rest were not recorded, then nothing
/// until the minute is over. Such failures are never delayed (a device secret is unguessable, a made-up username has no
/// account to protect), so without this budget anyone could grow the audit chain by one entry per anonymous request.
/// Failures against a real account are delayed and always recorded. Per node and in memory: a restart starts afresh.
/// </summary>
public sealed class FailureAuditBudget(TimeProvider time)
{
    /// <summary>Failures recorded per address per window.</summary>
    public const int PerWindow = 20;

    /// <summary>Addresses remembered at once; beyond it, new addresses share one budget (fewer entries, never more).</summary>
    public const int MaxAddresses = 4096;

    private const string SharedKey = "*";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);

    /// <summary>What to record of one more failure from <paramref name="address"/>.</summary>
    public FailureAuditVerdict Take(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        DateTimeOffset now = time.GetUtcNow();
        lock (_gate)
        {
            string key = KeyFor(address, now);
            (DateTimeOffset start, int count) = _windows.TryGetValue(key, out var window) && now - window.Start < Window ? window : (now, 0);
            _windows[key] = (start, count + 1);
            return count < PerWindow ? FailureAuditVerdict.Record
                : count == PerWindow ? FailureAuditVerdict.RecordThatTheRestAreNot
                : FailureAuditVerdict.Skip;
        }
    }

    private string KeyFor(string address, DateTimeOffset now)
    {
        if (_windows.ContainsKey(address) || _windows.Count < MaxAddresses)
        {
            return address;
        }

        foreach (var stale in _windows.Where(w => now - w.Value.Start >= Window).Select(w => w.Key).ToList())
        {
            _windows.Remove(stale);
        }

        return _windows.Count < MaxAddresses ? address : SharedKey;
    }
}
