using MediaGate.Consent.People;

namespace MediaGate.Gate;

/// <summary>
/// The children a parent account may see, read from the database on every request (never from the token), so a
/// change the manager makes takes effect at once. Implemented over the identity helper's accounts repository.
/// </summary>
public interface IParentChildren
{
    /// <summary>The account's children; empty for an unknown account or one that is not a parent's.</summary>
    Task<IReadOnlyList<ChildId>> ChildrenOfAsync(string accountId, CancellationToken cancellationToken = default);
}
