namespace MediaGate.Data.Identity;

/// <summary>Registered tablets.</summary>
public interface IDeviceRepository
{
    Task AddAsync(Device device, CancellationToken cancellationToken = default);

    Task<Device?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every device, revoked ones too, oldest first.</summary>
    Task<IReadOnlyList<Device>> ListAsync(CancellationToken cancellationToken = default);

    Task<Revocation> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);
}
