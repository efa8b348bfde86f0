using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Identity;
using MediaGate.Gate.Outcomes;

namespace MediaGate.Gate.Accounts;

/// <summary>
/// The keys the nursery website reads its feed with (README, Manager): make one (the key is answered once and stored
/// only as a hash; the name is part of the URL that revokes it), list them (never the key), revoke one (the feed
/// refuses it at once). Making and revoking are audited.
/// </summary>
public sealed class WebsiteKeyRegister(IWebsiteKeyRepository keys, IAuditLog audit, ICredentials credentials, TimeProvider time)
{
    /// <summary>Website keys start with this, so a key that leaks is recognised for what it is.</summary>
    public const string KeyPrefix = "mgw_";

    public async Task<GateOutcome<IssuedWebsiteKey>> CreateAsync(string? name, string actor, CancellationToken cancellationToken = default)
    {
        if (!AccountUsernames.IsValid(name))
        {
            return GateProblem.InvalidFields(new Dictionary<string, string[]>
            {
                ["name"] = [$"1 to {AccountUsernames.MaxLength} letters, digits or . _ - @ (it is part of the URL that revokes the key)."],
            });
        }

        var key = credentials.NewSecret(KeyPrefix);
        var record = new WebsiteKey(Guid.NewGuid().ToString("N"), name!, key.Hash, time.GetUtcNow(), null);
        if (!await keys.AddAsync(record, cancellationToken).ConfigureAwait(false))
        {
            return GateProblem.Conflict("Name taken", "A website key in use already has this name; revoke it first.");
        }

        await audit.AppendAsync(new AuditEvent(actor, AccountAuditActions.WebsiteKeyCreated, record.Name), cancellationToken).ConfigureAwait(false);
        return new IssuedWebsiteKey(record, key.Secret);
    }

    /// <summary>The keys made so far, those in use first, newest first.</summary>
    public async Task<IReadOnlyList<WebsiteKey>> ListAsync(CancellationToken cancellationToken = default) =>
        (await keys.ListAsync(cancellationToken).ConfigureAwait(false))
            .OrderBy(k => k.RevokedAt is not null)
            .ThenByDescending(k => k.CreatedAt)
            .ToArray();

    public async Task<GateOutcome<string>> RevokeAsync(string name, string actor, CancellationToken cancellationToken = default)
    {
        if (await keys.RevokeAsync(name, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) != Revocation.Revoked)
        {
            return GateProblem.NotFound("Unknown website key", "No website key in use has this name.");
        }

        await audit.AppendAsync(new AuditEvent(actor, AccountAuditActions.WebsiteKeyRevoked, name), cancellationToken).ConfigureAwait(false);
        return name;
    }
}
