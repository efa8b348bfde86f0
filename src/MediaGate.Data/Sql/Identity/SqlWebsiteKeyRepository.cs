using Dapper;
using MediaGate.Data.Identity;

namespace MediaGate.Data.Sql.Identity;

internal sealed class SqlWebsiteKeyRepository(SqlStore store) : IWebsiteKeyRepository
{
    public async Task<bool> AddAsync(WebsiteKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);

        // The partial unique index (names of keys in use) decides between two nodes adding one name at once.
        int added = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO website_keys (id, name, key_hash, created_at, revoked_at) VALUES (@Id, @Name, @KeyHash, @CreatedAt, @RevokedAt) " +
            "ON CONFLICT (name) WHERE revoked_at IS NULL DO NOTHING",
            WebsiteKeyRow.From(key), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return added == 1;
    }

    public async Task<WebsiteKey?> FindInUseByHashAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<WebsiteKeyRow>(new CommandDefinition(
            WebsiteKeyRow.Select + " WHERE key_hash = @keyHash AND revoked_at IS NULL", new { keyHash }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToKey();
    }

    public async Task<IReadOnlyList<WebsiteKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<WebsiteKeyRow>(new CommandDefinition(
            WebsiteKeyRow.Select + " ORDER BY created_at, id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToKey()).ToArray();
    }

    public async Task<Revocation> RevokeAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        int changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE website_keys SET revoked_at = @at WHERE name = @name AND revoked_at IS NULL",
            new { name, at = DbText.Instant(at) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 1 ? Revocation.Revoked : Revocation.NotFound;
    }
}
