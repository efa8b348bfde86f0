using Dapper;
using MediaGate.Data.Identity;

namespace MediaGate.Data.Sql.Identity;

/// <summary>Signed-out token ids in <c>revoked_tokens</c> (migration 11).</summary>
internal sealed class SqlRevokedTokenRepository(SqlStore store) : IRevokedTokenRepository
{
    public async Task RevokeAsync(string tokenId, string accountId, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO revoked_tokens (token_id, account_id, revoked_at, expires_at) VALUES (@tokenId, @accountId, @revokedAt, @expiresAt) " +
            "ON CONFLICT (token_id) DO NOTHING",
            new { tokenId, accountId, revokedAt = DbText.Instant(now), expiresAt = DbText.Instant(expiresAt) },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        // Instants are fixed-format text (DbText), which sorts as time does.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM revoked_tokens WHERE expires_at < @now", new { now = DbText.Instant(now) }, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenId);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        long count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM revoked_tokens WHERE token_id = @tokenId", new { tokenId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return count > 0;
    }
}
