using MediaGate.Consent.People;
using MediaGate.Gate;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary>
/// The parents' children as the identity part's accounts would give them: a stand-in at the boundary between the
/// endpoints and the account store, which is not what these tests are about.
/// </summary>
internal sealed class FamilyChildren : IParentChildren
{
    private readonly Dictionary<string, ChildId[]> _children = new(StringComparer.Ordinal);

    public FamilyChildren Parent(string account, params ChildId[] children)
    {
        _children[account] = children;
        return this;
    }

    public Task<IReadOnlyList<ChildId>> ChildrenOfAsync(string accountId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ChildId>>(_children.TryGetValue(accountId, out var children) ? children : []);
}
