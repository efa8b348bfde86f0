using MediaGate.Data;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>The names an audit entry's ids stand for, read once per page or export (<see cref="AuditSentences"/>).</summary>
/// <param name="Accounts">Account id → username.</param>
/// <param name="Children">Child id → name (the manager's eyes only: the audit log is the manager's).</param>
/// <param name="Devices">Device id → tablet name.</param>
/// <param name="Events">Event id → event name.</param>
public sealed record AuditNames(
    IReadOnlyDictionary<string, string> Accounts,
    IReadOnlyDictionary<string, string> Children,
    IReadOnlyDictionary<string, string> Devices,
    IReadOnlyDictionary<string, string> Events)
{
    public static async Task<AuditNames> LoadAsync(MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var accounts = await database.Accounts.ListAsync(cancellationToken).ConfigureAwait(false);
        var children = await database.Children.ListAsync(cancellationToken).ConfigureAwait(false);
        var devices = await database.Devices.ListAsync(cancellationToken).ConfigureAwait(false);
        var events = await database.Events.ListAsync(cancellationToken).ConfigureAwait(false);
        return new(
            accounts.ToDictionary(a => a.Id, a => a.Username, StringComparer.Ordinal),
            children.ToDictionary(c => c.Id.Value, c => c.Name, StringComparer.Ordinal),
            devices.ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal),
            events.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal));
    }
}
