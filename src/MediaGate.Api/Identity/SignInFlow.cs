using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Identity;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Identity;

/// <summary>
/// Signing in with a password (<c>POST /api/session</c>) or on a tablet with the device's secret and a staff
/// PIN (<c>POST /api/tablet/session</c>). Attempts are counted per username, per device and per client address
/// in the database, shared by every node, before any credential is checked (so parallel guesses cannot slip
/// past the limit together); a right answer takes its attempt back. Every success and failure is audited,
/// a lock-out once when it starts, not each refused try.
/// </summary>
public sealed class SignInFlow(
    MediaGateDatabase database,
    CredentialHasher hasher,
    TokenIssuer tokens,
    WorkingHours hours,
    IOptions<IdentityOptions> options,
    TimeProvider time)
{
    /// <summary>Longest password or PIN read; longer ones are wrong without hashing megabytes.</summary>
    private const int MaxSecretLength = 256;

    public async Task<SignInOutcome> WithPasswordAsync(string? username, string? password, string source, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = time.GetUtcNow();
        var account = Counter.ForAccount(username, AccountLimit);
        var address = new Counter("address:" + source, AddressLimit);
        var attempt = await CountAsync(now, cancellationToken, account, address).ConfigureAwait(false);
        if (attempt.Refusal is { } refused)
        {
            return refused;
        }

        Account? found = account.Key is null ? null : await database.Accounts.FindByUsernameAsync(username!, cancellationToken).ConfigureAwait(false);
        if (!hasher.Verify(found is { Active: true } ? found.PasswordHash : null, Bounded(password)))
        {
            await AuditFailureAsync(username, "password", attempt.Locked, cancellationToken).ConfigureAwait(false);
            return SignInOutcome.Rejected;
        }

        return await SucceedAsync(found!, account, [address], deviceId: null, now, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SignInOutcome> OnTabletAsync(string? deviceId, string? deviceSecret, string? username, string? pin, string source, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = time.GetUtcNow();
        bool wellFormedId = deviceId is { Length: 32 } && deviceId.All(char.IsAsciiHexDigitLower);
        var device = new Counter(wellFormedId ? "device:" + deviceId : null, DeviceLimit);
        var address = new Counter("address:" + source, AddressLimit);
        var attempt = await CountAsync(now, cancellationToken, device, address).ConfigureAwait(false);
        if (attempt.Refusal is { } refused)
        {
            return refused;
        }

        // The device first: without a registered device's 256-bit secret no PIN is ever checked, so PINs
        // cannot be tried from anywhere but a setting-owned tablet (product.md: only registered devices).
        Device? registered = device.Key is null ? null : await database.Devices.FindAsync(deviceId!, cancellationToken).ConfigureAwait(false);
        if (registered is not { IsRevoked: false } || !SecretTokens.Matches(deviceSecret, registered.SecretHash))
        {
            await AuditFailureAsync(username, "device", attempt.Locked, cancellationToken).ConfigureAwait(false);
            return SignInOutcome.Rejected;
        }

        var account = Counter.ForAccount(username, AccountLimit);
        var accountAttempt = await CountAsync(now, cancellationToken, account).ConfigureAwait(false);
        if (accountAttempt.Refusal is { } accountRefused)
        {
            await ForgiveAsync([device, address], cancellationToken).ConfigureAwait(false);
            return accountRefused;
        }

        Account? found = account.Key is null ? null : await database.Accounts.FindByUsernameAsync(username!, cancellationToken).ConfigureAwait(false);
        if (!hasher.Verify(found is { Active: true, Role: AccountRole.Staff } ? found.PinHash : null, Bounded(pin)))
        {
            await AuditFailureAsync(username, "pin", [.. attempt.Locked, .. accountAttempt.Locked], cancellationToken).ConfigureAwait(false);
            return SignInOutcome.Rejected;
        }

        return await SucceedAsync(found!, account, [device, address], registered.Id, now, cancellationToken).ConfigureAwait(false);
    }

    private SignInLimit AccountLimit => new(options.Value.MaxFailuresPerAccount, options.Value.FailureWindow, options.Value.LockoutDuration);

    private SignInLimit DeviceLimit => new(options.Value.MaxFailuresPerDevice, options.Value.FailureWindow, options.Value.LockoutDuration);

    private SignInLimit AddressLimit => new(options.Value.MaxFailuresPerAddress, options.Value.FailureWindow, options.Value.LockoutDuration);

    private static string? Bounded(string? secret) => secret is { Length: <= MaxSecretLength } ? secret : null;

    private async Task<SignInOutcome> SucceedAsync(Account account, Counter accountCounter, Counter[] sources, string? deviceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.SignInThrottle.ResetAsync(accountCounter.Key!, cancellationToken).ConfigureAwait(false);
        await ForgiveAsync(sources, cancellationToken).ConfigureAwait(false);
        if (account.Role == AccountRole.Staff && !hours.IsOpenAt(now))
        {
            await database.Audit.AppendAsync(new AuditEvent(account.Id, IdentityAuditActions.OutsideWorkingHours, deviceId ?? "",
                JsonSerializer.Serialize(new { step = "sign-in" })), cancellationToken).ConfigureAwait(false);
            return SignInOutcome.OutsideWorkingHours;
        }

        await database.SignInThrottle.PruneAsync(now, options.Value.FailureWindow, cancellationToken).ConfigureAwait(false);
        string token = await tokens.IssueAsync(account, deviceId, cancellationToken).ConfigureAwait(false);
        await database.Audit.AppendAsync(new AuditEvent(account.Id, IdentityAuditActions.SignIn, deviceId ?? "",
            JsonSerializer.Serialize(new { role = account.Role.ToText(), tablet = deviceId is not null })), cancellationToken).ConfigureAwait(false);
        return new SignInOutcome(SignInResult.SignedIn, token, account.Role.ToText());
    }

    /// <summary>Refuses at once while any key is locked; otherwise counts the attempt on every key, and refuses
    /// it when that takes any key past its limit (a parallel attempt got there first).</summary>
    private async Task<Attempt> CountAsync(DateTimeOffset now, CancellationToken cancellationToken, params Counter[] counters)
    {
        DateTimeOffset? lockedUntil = null;
        foreach (var counter in counters.Where(c => c.Key is not null))
        {
            lockedUntil = Later(lockedUntil, await database.SignInThrottle.LockedUntilAsync(counter.Key!, now, cancellationToken).ConfigureAwait(false));
        }

        if (lockedUntil is { } end)
        {
            return new Attempt(LockedOut(end, now), []);
        }

        var locked = new List<string>();
        bool overLimit = false;
        foreach (var counter in counters.Where(c => c.Key is not null))
        {
            var count = await database.SignInThrottle.CountAttemptAsync(counter.Key!, now, counter.Limit, cancellationToken).ConfigureAwait(false);
            overLimit |= count.IsOverLimit(counter.Limit);
            lockedUntil = Later(lockedUntil, count.LockedUntil);
            if (count.ReachedLimit(counter.Limit))
            {
                locked.Add(counter.Key!);
            }
        }

        return new Attempt(overLimit ? LockedOut(lockedUntil ?? now + options.Value.LockoutDuration, now) : null, locked);
    }

    private async Task ForgiveAsync(Counter[] counters, CancellationToken cancellationToken)
    {
        foreach (var counter in counters.Where(c => c.Key is not null))
        {
            await database.SignInThrottle.ForgiveAsync(counter.Key!, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AuditFailureAsync(string? username, string reason, IReadOnlyList<string> locked, CancellationToken cancellationToken)
    {
        // The username is recorded only when well-formed (bounded, plain ASCII); the secret never.
        string subject = AccountUsernames.IsValid(username) ? username! : "";
        await database.Audit.AppendAsync(new AuditEvent(IdentityAuditActions.Anonymous, IdentityAuditActions.SignInFailed, subject,
            JsonSerializer.Serialize(new { reason })), cancellationToken).ConfigureAwait(false);
        if (locked.Count > 0)
        {
            await database.Audit.AppendAsync(new AuditEvent(IdentityAuditActions.Anonymous, IdentityAuditActions.SignInLockedOut, subject,
                JsonSerializer.Serialize(new { keys = locked })), cancellationToken).ConfigureAwait(false);
        }
    }

    private static SignInOutcome LockedOut(DateTimeOffset until, DateTimeOffset now) => new(SignInResult.LockedOut, RetryAfter: until - now);

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    /// <summary>One sign-in counter: its key (null when the input cannot name one) and its limit.</summary>
    private sealed record Counter(string? Key, SignInLimit Limit)
    {
        public static Counter ForAccount(string? username, SignInLimit limit) =>
            new(AccountUsernames.IsValid(username) ? "account:" + AccountUsernames.Key(username!) : null, limit);
    }

    /// <summary>A counted attempt: refused already (locked out), or to be checked; and the keys it locked.</summary>
    private sealed record Attempt(SignInOutcome? Refusal, IReadOnlyList<string> Locked);
}
