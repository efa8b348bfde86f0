using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Identity;
using MediaGate.Gate.Outcomes;

namespace MediaGate.Gate.Accounts;

/// <summary>
/// The setting's tablets (README, Manager): register one (its secret is answered once and stored only as a hash), list
/// them, revoke one (its tokens fail on their next request). Registration and revocation are audited.
/// </summary>
public sealed class DeviceRegister(IDeviceRepository devices, IAuditLog audit, ICredentials credentials, TimeProvider time)
{
    /// <summary>The longest device name.</summary>
    public const int MaxNameLength = 100;

    public async Task<GateOutcome<IssuedDevice>> RegisterAsync(string? name, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return GateProblem.InvalidFields(new Dictionary<string, string[]>
            {
                ["name"] = [$"1 to {MaxNameLength} characters, not only spaces, no control characters."],
            });
        }

        var secret = credentials.NewSecret("");
        var device = new Device(Guid.NewGuid().ToString("N"), name.Trim(), secret.Hash, time.GetUtcNow(), null);
        await devices.AddAsync(device, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(new AuditEvent(actor, AccountAuditActions.DeviceRegistered, device.Id, JsonSerializer.Serialize(new { name = device.Name })),
            cancellationToken).ConfigureAwait(false);
        return new IssuedDevice(device, secret.Secret);
    }

    public Task<IReadOnlyList<Device>> ListAsync(CancellationToken cancellationToken = default) => devices.ListAsync(cancellationToken);

    /// <summary>Revokes at once; revoking twice is not an error (and audited once).</summary>
    public async Task<GateOutcome<string>> RevokeAsync(string deviceId, string actor, CancellationToken cancellationToken = default)
    {
        switch (await devices.RevokeAsync(deviceId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            case Revocation.NotFound:
                return GateProblem.NotFound("Unknown device", "No device has this id.");
            case Revocation.Revoked:
                await audit.AppendAsync(new AuditEvent(actor, AccountAuditActions.DeviceRevoked, deviceId), cancellationToken).ConfigureAwait(false);
                break;
        }

        return deviceId;
    }
}
