using MediaGate.Consent.People;

namespace MediaGate.Data;

/// <summary>The children of the setting (the rows of the consent matrix).</summary>
public interface IChildRepository
{
    Task AddAsync(Child child, CancellationToken cancellationToken = default);

    Task<Child?> FindAsync(ChildId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Child>> ListAsync(CancellationToken cancellationToken = default);
}
