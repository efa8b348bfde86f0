using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Identity;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Identity;

/// <summary>
/// Signing in with a password (<c>POST /api/session</c>) or on a tablet with the device's secret and a staff
/// PIN (<c>POST /api/tablet/session</c>). Failures are counted per username and per source (device, client
/// address) in the database, shared by every node; a locked-out key is refused before any credential is
/// checked. Every success and failure is audited (the lock-out once, when it starts, not each refused try).
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
        string? accountKey = AccountKey(username);
        string sourceKey = "address:" + source;
        if (await LockedAsync(now, cancellationToken, accountKey, sourceKey).ConfigureAwait(false) is { } locked)
        {
            return locked;
        }

        Account? account = accountKey is null ? null : await database.Accounts.FindByUsernameAsync(username!, cancellationToken).ConfigureAwait(false);
        bool valid = hasher.Verify(account is { Active: true } ? account.PasswordHash : null, Bounded(password));
        if (!valid)
        {
            await FailAsync(now, username, "password", cancellationToken, (accountKey, AccountLimit), (sourceKey, AddressLimit)).ConfigureAwait(false);
            return SignInOutcome.Rejected;
        }

        return await SucceedAsync(account!, accountKey!, deviceId: null, now, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SignInOutcome> OnTabletAsync(string? deviceId, string? deviceSecret, string? username, string? pin, string source, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = time.GetUtcNow();
        string? accountKey = AccountKey(username);
        string? deviceKey = deviceId is { Length: 32 } && deviceId.All(char.IsAsciiHexDigitLower) ? "device:" + deviceId : null;
        string sourceKey = "address:" + source;
        if (await LockedAsync(now, cancellationToken, accountKey, deviceKey, sourceKey).ConfigureAwait(false) is { } locked)
        {
            return locked;
        }

        // The device first: without a registered device's 256-bit secret no PIN is ever checked, so PINs
        // cannot be tried from anywhere but a setting-owned tablet (product.md: only registered devices).
        Device? device = deviceKey is null ? null : await database.Devices.FindAsync(deviceId!, cancellationToken).ConfigureAwait(false);
        if (device is not { IsRevoked: false } || !SecretTokens.Matches(deviceSecret, device.SecretHash))
        {
            await FailAsync(now, username, "device", cancellationToken, (deviceKey, DeviceLimit), (sourceKey, AddressLimit)).ConfigureAwait(false);
            return SignInOutcome.Rejected;
        }

        Account? account = accountKey is null ? null : await database.Accounts.FindByUsernameAsync(username!, cancellationToken).ConfigureAwait(false);
        bool valid = hasher.Verify(account is { Active: true, Role: AccountRole.Staff } ? account.PinHash : null, Bounded(pin));
        if (!valid)
        {
            await FailAsync(now, username, "pin", cancellationToken, (accountKey, AccountLimit), (deviceKey, DeviceLimit), (sourceKey, AddressLimit)).ConfigureAwait(false);
            return SignInOutcome.Rejected;
        }

        return await SucceedAsync(account!, accountKey!, device.Id, now, cancellationToken).ConfigureAwait(false);
    }

    private SignInLimit AccountLimit => new(options.Value.MaxFailuresPerAccount, options.Value.FailureWindow, options.Value.LockoutDuration);

    private SignInLimit DeviceLimit => new(options.Value.MaxFailuresPerDevice, options.Value.FailureWindow, options.Value.LockoutDuration);

    private SignInLimit AddressLimit => new(options.Value.MaxFailuresPerAddress, options.Value.FailureWindow, options.Value.LockoutDuration);

    private static string? AccountKey(string? username) => AccountUsernames.IsValid(username) ? "account:" + AccountUsernames.Key(username!) : null;

    private static string? Bounded(string? secret) => secret is { Length: <= MaxSecretLength } ? secret : null;

    private async Task<SignInOutcome> SucceedAsync(Account account, string accountKey, string? deviceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (account.Role == AccountRole.Staff && !hours.IsOpenAt(now))
        {
            await database.Audit.AppendAsync(new AuditEvent(account.Id, IdentityAuditActions.OutsideWorkingHours, deviceId ?? "",
                JsonSerializer.Serialize(new { step = "sign-in" })), cancellationToken).ConfigureAwait(false);
            return SignInOutcome.OutsideWorkingHours;
        }

        await database.SignInThrottle.ResetAsync(accountKey, cancellationToken).ConfigureAwait(false);
        await database.SignInThrottle.PruneAsync(now, options.Value.FailureWindow, cancellationToken).ConfigureAwait(false);
        string token = await tokens.IssueAsync(account, deviceId, cancellationToken).ConfigureAwait(false);
        await database.Audit.AppendAsync(new AuditEvent(account.Id, IdentityAuditActions.SignIn, deviceId ?? "",
            JsonSerializer.Serialize(new { role = account.Role.ToText(), tablet = deviceId is not null })), cancellationToken).ConfigureAwait(false);
        return new SignInOutcome(SignInResult.SignedIn, token, account.Role.ToText());
    }

    private async Task<SignInOutcome?> LockedAsync(DateTimeOffset now, CancellationToken cancellationToken, params string?[] keys)
    {
        DateTimeOffset? latest = null;
        foreach (string? key in keys)
        {
            if (key is not null && await database.SignInThrottle.LockedUntilAsync(key, now, cancellationToken).ConfigureAwait(false) is { } until && (latest is null || until > latest))
            {
                latest = until;
            }
        }

        return latest is { } end ? new SignInOutcome(SignInResult.LockedOut, RetryAfter: end - now) : null;
    }

    private async Task FailAsync(DateTimeOffset now, string? username, string reason, CancellationToken cancellationToken, params (string? Key, SignInLimit Limit)[] counters)
    {
        var lockedKeys = new List<string>();
        foreach ((string? key, SignInLimit limit) in counters)
        {
            if (key is not null && await database.SignInThrottle.RecordFailureAsync(key, now, limit, cancellationToken).ConfigureAwait(false) is not null)
            {
                lockedKeys.Add(key);
            }
        }

        // The username is recorded only when well-formed (bounded, plain ASCII); the secret never.
        string subject = AccountUsernames.IsValid(username) ? username! : "";
        await database.Audit.AppendAsync(new AuditEvent(IdentityAuditActions.Anonymous, IdentityAuditActions.SignInFailed, subject,
            JsonSerializer.Serialize(new { reason })), cancellationToken).ConfigureAwait(false);
        if (lockedKeys.Count > 0)
        {
            await database.Audit.AppendAsync(new AuditEvent(IdentityAuditActions.Anonymous, IdentityAuditActions.SignInLockedOut, subject,
                JsonSerializer.Serialize(new { keys = lockedKeys })), cancellationToken).ConfigureAwait(false);
        }
    }
}
