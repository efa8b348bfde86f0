namespace MediaGate.Gate.Audit;

/// <summary>The names an audit entry's ids stand for, read once per page or export (the audit log's sentences name them).</summary>
/// <param name="Accounts">Account id → username.</param>
/// <param name="Children">Child id → name (the manager's eyes only: the audit log is the manager's).</param>
/// <param name="Devices">Device id → tablet name.</param>
/// <param name="Events">Event id → event name.</param>
/// <param name="Videos">The media ids, among those the entries name, that are videos: the sentences say "video" of them, not "photo".</param>
public sealed record AuditNames(
    IReadOnlyDictionary<string, string> Accounts,
    IReadOnlyDictionary<string, string> Children,
    IReadOnlyDictionary<string, string> Devices,
    IReadOnlyDictionary<string, string> Events,
    IReadOnlySet<string> Videos);
