using System.Text.Json;
using MediaGate.Data.Audit;
using MediaGate.Data.Identity;
using MediaGate.Data;
using MediaGate.Identity.Tokens;
using Microsoft.Extensions.Options;

namespace MediaGate.Identity.SignIn;

/// <summary>
/// Signing in with a password (<c>POST /api/session</c>) or on a tablet with the device's secret and a staff
/// PIN (<c>POST /api/tablet/session</c>). Failures bring growing delays, never a lock-out, and only to whoever is
/// guessing: a password attempt is counted per (client address, account), so strangers elsewhere, or on other
/// accounts from the nursery's shared address, never delay a right password; a tablet attempt is counted only once
/// the registered tablet's secret is proven, per (tablet, account) and per tablet, so nobody without the tablet can
/// delay its staff. Attempts are counted in the database, shared by every node, before any credential is checked (so
/// parallel guesses cannot slip past a wait together); a right answer clears its count. Every success and every failure
/// against an account is audited, and the start of delays once; failures that name no account (an unknown username, a
/// wrong device secret) up to <see cref="FailureAuditBudget.PerWindow"/> a minute from one address.
/// </summary>
public sealed class SignInFlow(
    IAccountRepository accounts,
    IDeviceRepository devices,
    ISignInThrottle throttle,
    IAuditLog audit,
    CredentialHasher hasher,
    TokenIssuer tokens,
    WorkingHours hours,
    IOptions<IdentityOptions> options,
    FailureAuditBudget auditBudget,
    TimeProvider time)
{
    /// <summary>Longest password or PIN read; longer ones are wrong without hashing megabytes.</summary>
    private const int MaxSecretLength = 256;

    public async Task<SignInOutcome> WithPasswordAsync(string? username, string? password, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        DateTimeOffset now = time.GetUtcNow();
        string? accountKey = AccountKey(username);
        var pair = accountKey is null ? null : new Counter($"address:{source}|{accountKey}", PerAccount);
        var turn = await TakeTurnAsync(now, pair, cancellationToken).ConfigureAwait(false);
        if (turn.Refusal is { } refused)
        {
            return refused;
        }

        Account? found = accountKey is null ? null : await accounts.FindByUsernameAsync(username!, cancellationToken).ConfigureAwait(false);
        if (!hasher.Verify(found is { Active: true } ? found.PasswordHash : null, Bounded(password)))
        {
            await AuditFailureAsync(username, "password", turn.DelaysBegan, found is null ? source : null, cancellationToken).ConfigureAwait(false);
            return SignInOutcome.Rejected;
        }

        await ClearAsync(pair, cancellationToken).ConfigureAwait(false);
        return await SucceedAsync(found!, deviceId: null, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The registered, unrevoked tablet the id and secret name (checked at enrolment, so that the tablet can say which device
    /// it became), or null; a failure is audited.
    /// </summary>
    public async Task<Device?> CheckDeviceAsync(string? deviceId, string? deviceSecret, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (await RegisteredDeviceAsync(deviceId, deviceSecret, cancellationToken).ConfigureAwait(false) is { } device)
        {
            return device;
        }

        await AuditFailureAsync(null, "enrolment", delaysBegan: false, source, cancellationToken).ConfigureAwait(false);
        return null;
    }

    public async Task<SignInOutcome> OnTabletAsync(string? deviceId, string? deviceSecret, string? username, string? pin, string source, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = time.GetUtcNow();

        // The device first, and unthrottled: its secret has 256 bits (guessing is hopeless) and checking it is one hash,
        // so strangers' wrong secrets cannot delay the setting's tablets. Without it no PIN is ever checked, so PINs
        // cannot be tried from anywhere but a setting-owned tablet (product.md: only registered devices).
        if (await RegisteredDeviceAsync(deviceId, deviceSecret, cancellationToken).ConfigureAwait(false) is not { } registered)
        {
            await AuditFailureAsync(username, "device", delaysBegan: false, source, cancellationToken).ConfigureAwait(false);
            return SignInOutcome.Rejected;
        }

        var device = new Counter("device:" + registered.Id, PerDevice);
        string? accountKey = AccountKey(username);
        var pair = accountKey is null ? null : new Counter($"device:{registered.Id}|{accountKey}", PerAccount);
        var deviceTurn = await TakeTurnAsync(now, device, cancellationToken).ConfigureAwait(false);
        if (deviceTurn.Refusal is { } deviceRefused)
        {
            return deviceRefused;
        }

        var turn = await TakeTurnAsync(now, pair, cancellationToken).ConfigureAwait(false);
        if (turn.Refusal is { } refused)
        {
            await throttle.ForgiveAsync(device.Key, cancellationToken).ConfigureAwait(false);
            return refused;
        }

        Account? found = accountKey is null ? null : await accounts.FindByUsernameAsync(username!, cancellationToken).ConfigureAwait(false);
        if (!hasher.Verify(found is { Active: true, Role: AccountRole.Staff } ? found.PinHash : null, Bounded(pin)))
        {
            await AuditFailureAsync(username, "pin", deviceTurn.DelaysBegan || turn.DelaysBegan, unaccountedFrom: null, cancellationToken).ConfigureAwait(false);
            return SignInOutcome.Rejected;
        }

        await ClearAsync(pair, cancellationToken).ConfigureAwait(false);
        await throttle.ForgiveAsync(device.Key, cancellationToken).ConfigureAwait(false);
        return await SucceedAsync(found!, registered.Id, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The registered, unrevoked device the id and secret name, or null.</summary>
    private async Task<Device?> RegisteredDeviceAsync(string? deviceId, string? deviceSecret, CancellationToken cancellationToken)
    {
        bool wellFormedId = deviceId is { Length: 32 } && deviceId.All(char.IsAsciiHexDigitLower);
        Device? registered = wellFormedId ? await devices.FindAsync(deviceId!, cancellationToken).ConfigureAwait(false) : null;
        return registered is { IsRevoked: false } && SecretTokens.Matches(deviceSecret, registered.SecretHash) ? registered : null;
    }

    private SignInDelays PerAccount => new(options.Value.FreeFailures, options.Value.FirstDelay, options.Value.MaxDelay, options.Value.FailureWindow);

    private SignInDelays PerDevice => new(options.Value.FreeFailuresPerDevice, options.Value.FirstDelay, options.Value.MaxDelay, options.Value.FailureWindow);

    private static string? Bounded(string? secret) => secret is { Length: <= MaxSecretLength } ? secret : null;

    /// <summary>The account part of a counter's key; null when the username is malformed (no account has it, nothing to guess).</summary>
    private static string? AccountKey(string? username) => AccountUsernames.IsValid(username) ? "account:" + AccountUsernames.Key(username!) : null;

    private async Task<Turn> TakeTurnAsync(DateTimeOffset now, Counter? counter, CancellationToken cancellationToken)
    {
        if (counter is null)
        {
            return new Turn(null, false);
        }

        var turn = await throttle.TryAttemptAsync(counter.Key, now, counter.Delays, cancellationToken).ConfigureAwait(false);
        return turn.Admitted
            ? new Turn(null, turn.DelaysBegan)
            : new Turn(new SignInOutcome(SignInResult.LockedOut, RetryAfter: (turn.WaitUntil ?? now) - now), false);
    }

    private async Task ClearAsync(Counter? counter, CancellationToken cancellationToken)
    {
        if (counter is not null)
        {
            await throttle.ResetAsync(counter.Key, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SignInOutcome> SucceedAsync(Account account, string? deviceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (account.Role == AccountRole.Staff && !hours.IsOpenAt(now))
        {
            await audit.AppendAsync(new AuditEvent(account.Id, IdentityAuditActions.OutsideWorkingHours, deviceId ?? "",
                JsonSerializer.Serialize(new { step = "sign-in" })), cancellationToken).ConfigureAwait(false);
            return SignInOutcome.OutsideWorkingHours;
        }

        await throttle.PruneAsync(now, options.Value.FailureWindow, cancellationToken).ConfigureAwait(false);
        string token = await tokens.IssueAsync(account, deviceId, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(new AuditEvent(account.Id, IdentityAuditActions.SignIn, deviceId ?? "",
            JsonSerializer.Serialize(new { role = account.Role.ToText(), tablet = deviceId is not null })), cancellationToken).ConfigureAwait(false);
        return new SignInOutcome(SignInResult.SignedIn, token, account.Role.ToText());
    }

    /// <summary>
    /// Records a failure. Failures against an account or a proven tablet are bounded by their growing delays and always
    /// recorded; the others (no such account, a wrong device secret) are never delayed, so they come out of the address's
    /// <see cref="FailureAuditBudget"/> (<paramref name="unaccountedFrom"/>: the address, or null when an account is at stake).
    /// </summary>
    private async Task AuditFailureAsync(string? username, string reason, bool delaysBegan, string? unaccountedFrom, CancellationToken cancellationToken)
    {
        // The username is recorded only when well-formed (bounded, plain ASCII); the secret never.
        string subject = AccountUsernames.IsValid(username) ? username! : "";
        switch (unaccountedFrom is null ? FailureAuditVerdict.Record : auditBudget.Take(unaccountedFrom))
        {
            case FailureAuditVerdict.Skip:
                return;
            case FailureAuditVerdict.RecordThatTheRestAreNot:
                await audit.AppendAsync(new AuditEvent(IdentityAuditActions.Anonymous, IdentityAuditActions.SignInFailuresNotRecorded, "",
                    JsonSerializer.Serialize(new { perMinute = FailureAuditBudget.PerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture) })), cancellationToken).ConfigureAwait(false);
                return;
        }

        await audit.AppendAsync(new AuditEvent(IdentityAuditActions.Anonymous, IdentityAuditActions.SignInFailed, subject,
            JsonSerializer.Serialize(new { reason })), cancellationToken).ConfigureAwait(false);
        if (delaysBegan)
        {
            await audit.AppendAsync(new AuditEvent(IdentityAuditActions.Anonymous, IdentityAuditActions.SignInLockedOut, subject,
                JsonSerializer.Serialize(new { reason, delays = true })), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One sign-in counter: its key and its delays.</summary>
    private sealed record Counter(string Key, SignInDelays Delays);

    /// <summary>A counted attempt: refused (it must wait), or to be checked; and whether it began the delays.</summary>
    private sealed record Turn(SignInOutcome? Refusal, bool DelaysBegan);
}
