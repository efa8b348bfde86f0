using MediaGate.Consent.People;

namespace MediaGate.Data.Identity;

/// <summary>Accounts and the children each parent may see.</summary>
public interface IAccountRepository
{
    /// <summary>Adds the account and links it to <paramref name="children"/> in one transaction.</summary>
    Task<AccountAdded> AddAsync(Account account, IReadOnlyCollection<ChildId> children, CancellationToken cancellationToken = default);

    Task<Account?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Finds an account by username, without regard to case.</summary>
    Task<Account?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Every account, by username.</summary>
    Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The children linked to the account (a parent's children), by id; empty for anyone else.
    /// Read on each request so that a change made by the manager applies at once.</summary>
    Task<IReadOnlyList<ChildId>> ChildrenOfAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Whether an active manager account exists (the bootstrap creates one only when none does).</summary>
    Task<bool> AnyActiveManagerAsync(CancellationToken cancellationToken = default);

    /// <summary>Deactivates the account; false when there is no such account.</summary>
    Task<bool> DeactivateAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deactivates the account unless it is the last active manager; one statement under the table's write lock, so
    /// two managers deactivating each other at once on two nodes cannot leave the setting without one.
    /// </summary>
    Task<Deactivation> DeactivateKeepingAManagerAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the password's hash and raises the credential generation (ending the sessions signed in before).</summary>
    Task<AccountChange> SetPasswordHashAsync(string id, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Replaces the tablet PIN's hash and raises the credential generation (ending the sessions signed in before).</summary>
    Task<AccountChange> SetPinHashAsync(string id, string pinHash, CancellationToken cancellationToken = default);

    /// <summary>Replaces the children linked to the account, in one transaction: all of them or, with an unknown child, none.</summary>
    Task<AccountChange> SetChildrenAsync(string id, IReadOnlyCollection<ChildId> children, CancellationToken cancellationToken = default);
}
