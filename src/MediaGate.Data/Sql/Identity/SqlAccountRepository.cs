using Dapper;
using MediaGate.Consent.People;
using MediaGate.Data.Identity;

namespace MediaGate.Data.Sql.Identity;

internal sealed class SqlAccountRepository(SqlStore store) : IAccountRepository
{
    public async Task<AccountAdded> AddAsync(Account account, IReadOnlyCollection<ChildId> children, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(children);
        string[] childIds = children.Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();
        // No child's id holds U+0000, and PostgreSQL refuses it in a query's text (an error, not "no such child").
        if (childIds.Any(id => id.Contains('\0', StringComparison.Ordinal)))
        {
            return AccountAdded.UnknownChild;
        }

        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // One look-up per child: Dapper sends a list to Npgsql as an array, which "IN @list" does not accept,
        // and a parent has a handful of children.
        foreach (string childId in childIds)
        {
            long known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM children WHERE id = @childId", new { childId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (known == 0)
            {
                return AccountAdded.UnknownChild;
            }
        }

        // The unique index decides between two nodes adding the same username at once.
        int added = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO accounts (id, username, username_key, role, password_hash, pin_hash, active, created_at) " +
            "VALUES (@Id, @Username, @UsernameKey, @Role, @PasswordHash, @PinHash, @Active, @CreatedAt) ON CONFLICT (username_key) DO NOTHING",
            AccountRow.From(account), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (added == 0)
        {
            return AccountAdded.UsernameTaken;
        }

        foreach (string childId in childIds)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO account_children (account_id, child_id) VALUES (@accountId, @childId)",
                new { accountId = account.Id, childId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return AccountAdded.Added;
    }

    public Task<Account?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        FindWhereAsync("id = @value", id, cancellationToken);

    public Task<Account?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default) =>
        FindWhereAsync("username_key = @value", AccountUsernames.Key(username), cancellationToken);

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(
            AccountRow.Select + " ORDER BY username_key", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToAccount()).ToArray();
    }

    public async Task<IReadOnlyList<ChildId>> ChildrenOfAsync(string accountId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT child_id FROM account_children WHERE account_id = @accountId ORDER BY child_id",
            new { accountId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ids.Select(id => new ChildId(id)).ToArray();
    }

    public async Task<bool> AnyActiveManagerAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        long count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM accounts WHERE role = @role AND active = 1", new { role = AccountRoles.Manager },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return count > 0;
    }

    public async Task<bool> DeactivateAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        int changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET active = 0 WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 1;
    }

    private async Task<Account?> FindWhereAsync(string condition, string value, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"{AccountRow.Select} WHERE {condition}", new { value }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToAccount();
    }
}
