using MediaGate.Consent.Matrix;
using MediaGate.Gate.Children;
using MediaGate.Gate.Outcomes;

namespace MediaGate.Gate.Consents;

/// <summary>
/// The manager's change of one consent cell (<c>PUT /api/manager/consents/{childId}/{purpose}</c>): the child must exist
/// ("unknown child" quoting the id), the change goes through <see cref="ChangeConsent"/> (audited, re-decided, renditions
/// refreshed before this returns), and the answer is the matrix as it stands afterwards.
/// </summary>
public sealed class ConsentCellChange(ChildRegister children, ChangeConsent changeConsent, ConsentMatrixQuery matrix)
{
    public async Task<GateOutcome<ConsentSnapshot>> ApplyAsync(ConsentChange change, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var found = await children.FindAsync(change.Child.Value, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var result = await changeConsent.ApplyAsync(change with { Child = found.Value.Child.Id }, actor, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return result.Problem;
        }

        return (await matrix.NowAsync(cancellationToken).ConfigureAwait(false)).Now;
    }
}
