using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Identity;
using MediaGate.Gate;

namespace MediaGate.Api.Hosting;

/// <summary>
/// The parent endpoints' <see cref="IParentChildren"/> over the identity part's accounts, read on every request.
/// Fails closed: an unknown, inactive or non-parent account has no children.
/// </summary>
internal sealed class AccountParentChildren(MediaGateDatabase database) : IParentChildren
{
    public async Task<IReadOnlyList<ChildId>> ChildrenOfAsync(string accountId, CancellationToken cancellationToken = default)
    {
        Account? account = await database.Accounts.FindAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (account is not { Active: true, Role: AccountRole.Parent })
        {
            return [];
        }

        return await database.Accounts.ChildrenOfAsync(accountId, cancellationToken).ConfigureAwait(false);
    }
}
