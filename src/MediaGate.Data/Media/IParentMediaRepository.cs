using MediaGate.Consent.People;

namespace MediaGate.Data.Media;

/// <summary>What a parent's list is made from: the items their children are tagged in, and the items of events they attended.</summary>
public interface IParentMediaRepository
{
    /// <summary>
    /// Per child: every item the child is tagged in (journal) and every item of an event the child attended (events),
    /// with the item's status, the rendition for the child's family (journal: <c>parent:&lt;child&gt;</c>; events: the
    /// item's events rendition, whose audience the caller checks) and the decision's verdict. Newest first.
    /// </summary>
    Task<IReadOnlyList<ParentItemCandidate>> CandidatesAsync(IReadOnlyCollection<ChildId> children, CancellationToken cancellationToken = default);
}
