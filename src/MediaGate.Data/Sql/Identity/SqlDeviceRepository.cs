using Dapper;
using MediaGate.Data.Identity;

namespace MediaGate.Data.Sql.Identity;

internal sealed class SqlDeviceRepository(SqlStore store) : IDeviceRepository
{
    public async Task AddAsync(Device device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO devices (id, name, secret_hash, created_at, revoked_at) VALUES (@Id, @Name, @SecretHash, @CreatedAt, @RevokedAt)",
            DeviceRow.From(device), cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<Device?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<DeviceRow>(new CommandDefinition(
            DeviceRow.Select + " WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDevice();
    }

    public async Task<IReadOnlyList<Device>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DeviceRow>(new CommandDefinition(
            DeviceRow.Select + " ORDER BY created_at, id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToDevice()).ToArray();
    }

    public async Task<Revocation> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        int changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE devices SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL",
            new { id, at = DbText.Instant(at) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed == 1)
        {
            return Revocation.Revoked;
        }

        long exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM devices WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return exists > 0 ? Revocation.AlreadyRevoked : Revocation.NotFound;
    }
}
