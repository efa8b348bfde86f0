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

    public async Task<Deactivation> DeactivateKeepingAManagerAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (store.Kind == StoreKind.PostgreSql)
        {
            // Readers pass; a second deactivation waits, then counts the managers the first one left.
            await connection.ExecuteAsync(new CommandDefinition(
                "LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        int changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET active = 0 WHERE id = @id AND (role <> @manager OR active = 0 OR " +
            "(SELECT COUNT(*) FROM accounts other WHERE other.role = @manager AND other.active = 1 AND other.id <> @id) > 0)",
            new { id, manager = AccountRoles.Manager }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        Deactivation outcome = Deactivation.Deactivated;
        if (changed == 0)
        {
            long exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM accounts WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            outcome = exists == 0 ? Deactivation.NotFound : Deactivation.LastManager;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    public Task<AccountChange> SetPasswordHashAsync(string id, string passwordHash, CancellationToken cancellationToken = default) =>
        SetColumnAsync("password_hash", id, passwordHash, cancellationToken);

    public Task<AccountChange> SetPinHashAsync(string id, string pinHash, CancellationToken cancellationToken = default) =>
        SetColumnAsync("pin_hash", id, pinHash, cancellationToken);

    public async Task<AccountChange> SetChildrenAsync(string id, IReadOnlyCollection<ChildId> children, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(children);
        string[] childIds = children.Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();
        if (childIds.Any(c => c.Contains('\0', StringComparison.Ordinal)))
        {
            return AccountChange.UnknownChild; // as in AddAsync: PostgreSQL refuses U+0000 in a query's text
        }

        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM accounts WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (exists == 0)
        {
            return AccountChange.NotFound;
        }

        foreach (string childId in childIds)
        {
            long known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM children WHERE id = @childId", new { childId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (known == 0)
            {
                return AccountChange.UnknownChild;
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM account_children WHERE account_id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (string childId in childIds)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO account_children (account_id, child_id) VALUES (@id, @childId)",
                new { id, childId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return AccountChange.Changed;
    }

    private async Task<AccountChange> SetColumnAsync(string column, string id, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrEmpty(value);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        // column is one of this class's two constants, never input. A new secret ends the sessions signed in with the
        // old one: the generation their tokens carry is no longer the account's (TokenValidationEvents).
        int changed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE accounts SET {column} = @value, credential_generation = credential_generation + 1 WHERE id = @id", new { id, value }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 1 ? AccountChange.Changed : AccountChange.NotFound;
    }

    private async Task<Account?> FindWhereAsync(string condition, string value, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"{AccountRow.Select} WHERE {condition}", new { value }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToAccount();
    }
}
