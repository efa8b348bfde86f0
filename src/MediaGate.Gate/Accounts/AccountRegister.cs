using System.Text.Json;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Identity;
using MediaGate.Gate.Outcomes;

namespace MediaGate.Gate.Accounts;

/// <summary>
/// The manager's accounts (README, Manager): create one (a parent with the children it may see; weak passwords and
/// PINs refused with the reason), list them, deactivate one (never the last active manager), set a new password or
/// PIN, replace a parent's children. Every change is audited, never with a secret. A deactivated account's tokens are
/// refused from the next request on, and a parent's children are read per request, so a change applies at once.
/// </summary>
public sealed class AccountRegister(IAccountRepository accounts, IAuditLog audit, ICredentials credentials, TimeProvider time)
{
    /// <summary>The most children one parent account is linked to.</summary>
    public const int MaxChildren = 100;

    private static readonly GateProblem UnknownAccount = GateProblem.NotFound("Unknown account", "No account has this id.");

    public async Task<GateOutcome<Account>> CreateAsync(NewAccount draft, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = Validate(draft, out AccountRole role, out ChildId[] children);
        if (errors.Count > 0)
        {
            return GateProblem.InvalidFields(errors);
        }

        var account = new Account(
            Guid.NewGuid().ToString("N"),
            draft.Username!,
            role,
            draft.Password is null ? null : credentials.HashCredential(draft.Password),
            draft.Pin is null ? null : credentials.HashCredential(draft.Pin),
            true,
            time.GetUtcNow());
        switch (await accounts.AddAsync(account, children, cancellationToken).ConfigureAwait(false))
        {
            case AccountAdded.UnknownChild:
                return GateProblem.Invalid("Unknown child", "A child id in 'children' is not a child of the setting.");
            case AccountAdded.UsernameTaken:
                return GateProblem.Conflict("Username taken", "Another account has this username (compared without case).");
        }

        await AuditAsync(actor, AccountAuditActions.AccountCreated, account.Id,
            new { role = account.Role.ToText(), username = account.Username, children = children.Length }, cancellationToken).ConfigureAwait(false);
        return account;
    }

    /// <summary>Every account with its children.</summary>
    public async Task<IReadOnlyList<AccountView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await accounts.ListAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<AccountView>(all.Count);
        foreach (Account account in all)
        {
            views.Add(new AccountView(account, await accounts.ChildrenOfAsync(account.Id, cancellationToken).ConfigureAwait(false)));
        }

        return views;
    }

    /// <summary>Deactivates (also when already inactive); refused for the last active manager.</summary>
    public async Task<GateOutcome<string>> DeactivateAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        if (!Identifiers.IsGenerated(id))
        {
            return UnknownAccount;
        }

        switch (await accounts.DeactivateKeepingAManagerAsync(id, cancellationToken).ConfigureAwait(false))
        {
            case Deactivation.NotFound:
                return UnknownAccount;
            case Deactivation.LastManager:
                return GateProblem.Conflict("Last manager",
                    "This is the last active manager account; nobody could manage the setting without it. Create another manager first.");
        }

        await AuditAsync(actor, AccountAuditActions.AccountDeactivated, id, null, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Sets a new password; the account's earlier sessions end.</summary>
    public async Task<GateOutcome<string>> ChangePasswordAsync(string id, string? password, string actor, CancellationToken cancellationToken = default)
    {
        Account? target = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (credentials.PasswordProblem(password, target?.Username) is { } problem)
        {
            return Field("password", problem);
        }

        if (target is null || await accounts.SetPasswordHashAsync(id, credentials.HashCredential(password!), cancellationToken).ConfigureAwait(false) != AccountChange.Changed)
        {
            return UnknownAccount;
        }

        await AuditAsync(actor, AccountAuditActions.PasswordChanged, id, null, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Sets a staff member's PIN (the PIN signs in on a tablet; other roles have none).</summary>
    public async Task<GateOutcome<string>> ChangePinAsync(string id, string? pin, string actor, CancellationToken cancellationToken = default)
    {
        if (credentials.PinProblem(pin) is { } problem)
        {
            return Field("pin", problem);
        }

        Account? account = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return UnknownAccount;
        }

        if (account.Role != AccountRole.Staff)
        {
            return Field("pin", "Only staff accounts have a PIN.");
        }

        if (await accounts.SetPinHashAsync(id, credentials.HashCredential(pin!), cancellationToken).ConfigureAwait(false) != AccountChange.Changed)
        {
            return UnknownAccount;
        }

        await AuditAsync(actor, AccountAuditActions.PinChanged, id, null, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Replaces a parent's whole list of children (empty unlinks every child).</summary>
    public async Task<GateOutcome<string>> ChangeChildrenAsync(string id, IReadOnlyList<string?>? ids, string actor, CancellationToken cancellationToken = default)
    {
        if (ids is null || !AreChildIds(ids))
        {
            return Field("children", $"Required: a list of at most {MaxChildren} child ids, none empty.");
        }

        Account? account = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return UnknownAccount;
        }

        if (account.Role != AccountRole.Parent)
        {
            return Field("children", OnlyParents);
        }

        ChildId[] children = [.. ids.Select(c => new ChildId(c!))];
        switch (await accounts.SetChildrenAsync(id, children, cancellationToken).ConfigureAwait(false))
        {
            case AccountChange.NotFound:
                return UnknownAccount;
            case AccountChange.UnknownChild:
                return GateProblem.Invalid("Unknown child", "A child id in 'children' is not a child of the setting; nothing was changed.");
        }

        await AuditAsync(actor, AccountAuditActions.ChildrenChanged, id,
            new { children = children.Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() }, cancellationToken)
            .ConfigureAwait(false);
        return id;
    }

    private const string OnlyParents = "Only parent accounts are linked to children.";

    private async Task<Account?> FindAsync(string id, CancellationToken cancellationToken) =>
        Identifiers.IsGenerated(id) ? await accounts.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>A parent's children: at most <see cref="MaxChildren"/> ids, each one an id a person may give.</summary>
    private static bool AreChildIds(IReadOnlyList<string?> ids) => ids.Count <= MaxChildren && ids.All(Identifiers.IsAcceptable);

    private static GateProblem Field(string name, string problem) => GateProblem.InvalidFields(new Dictionary<string, string[]> { [name] = [problem] });

    private Dictionary<string, string[]> Validate(NewAccount draft, out AccountRole role, out ChildId[] children)
    {
        var errors = new Dictionary<string, string[]>();
        children = [];
        if (!AccountUsernames.IsValid(draft.Username))
        {
            errors["username"] = [$"1 to {AccountUsernames.MaxLength} letters, digits or . _ - @."];
        }

        if (!AccountRoles.TryParse(draft.Role, out role))
        {
            errors["role"] = ["One of manager, staff, parent."];
            return errors;
        }

        if (draft.Password is { } password && credentials.PasswordProblem(password, draft.Username) is { } passwordProblem)
        {
            errors["password"] = [passwordProblem];
        }
        else if (draft.Password is null && role != AccountRole.Staff)
        {
            errors["password"] = ["Required for managers and parents."];
        }

        if (draft.Pin is { } pin && (role != AccountRole.Staff || credentials.PinProblem(pin) is not null))
        {
            errors["pin"] = [role == AccountRole.Staff ? credentials.PinProblem(pin)! : "Only staff accounts have a PIN."];
        }
        else if (draft.Pin is null && role == AccountRole.Staff)
        {
            errors["pin"] = ["Required for staff (signing in on a tablet)."];
        }

        var ids = draft.Children ?? [];
        if (ids.Count > 0 && role != AccountRole.Parent)
        {
            errors["children"] = [OnlyParents];
        }
        else if (!AreChildIds(ids))
        {
            errors["children"] = [$"At most {MaxChildren} child ids, none empty or longer than {Identifiers.MaxLength} characters."];
        }
        else
        {
            children = [.. ids.Select(id => new ChildId(id!))];
        }

        return errors;
    }

    private Task AuditAsync(string actor, string action, string subject, object? detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEvent(actor, action, subject, detail is null ? null : JsonSerializer.Serialize(detail)), cancellationToken);
}
