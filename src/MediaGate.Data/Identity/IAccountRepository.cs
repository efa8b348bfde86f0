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
}
