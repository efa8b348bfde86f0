using Dapper;
using MediaGate.Data.Identity;

namespace MediaGate.Data.Sql.Identity;

internal sealed class SqlSigningKeyRepository(SqlStore store) : ISigningKeyRepository
{
    public async Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT id AS Id, secret AS Secret, created_at AS CreatedAt, active_from AS ActiveFrom FROM signing_keys ORDER BY active_from, id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new SigningKey(r.Id, Convert.FromBase64String(r.Secret), DbText.ToInstant(r.CreatedAt), DbText.ToInstant(r.ActiveFrom))).ToArray();
    }

    public async Task AddAsync(SigningKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO signing_keys (id, secret, created_at, active_from) VALUES (@id, @secret, @createdAt, @activeFrom)",
            new
            {
                id = key.Id,
                secret = Convert.ToBase64String(key.Secret.Span),
                createdAt = DbText.Instant(key.CreatedAt),
                activeFrom = DbText.Instant(key.ActiveFrom),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM signing_keys WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";

        public string Secret { get; init; } = "";

        public string CreatedAt { get; init; } = "";

        public string ActiveFrom { get; init; } = "";
    }
}
