using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Review;

/// <summary>
/// An item's status from its journal decisions (what staff and the manager see): a manager's block blocks; any
/// held decision holds (needs-assignment when a face is unassigned, so staff can settle it on the tablet); else
/// released when any family receives it; else blocked. An item of an event with no child tagged has no journal
/// decision: its events decision stands in (the same rule). Fail closed: no such decision at all is held. The review
/// item's summary (<see cref="ItemSummary"/>) states the journal part by the same rule, so the console never says
/// "released" for a purpose this calls held, or the reverse; a manager's release ends a hold in the decisions
/// themselves (<see cref="ManagerRelease"/>), never here.
/// </summary>
internal static class ItemStatusRule
{
    public static MediaStatus Of(IReadOnlyList<StoredDecision> decisions, IReadOnlyList<ReviewActionRecord> actions)
    {
        var purpose = StatusPurpose(decisions);
        if (actions.Any(a => a.Purpose == purpose && a.Action == ReviewAction.Block))
        {
            return MediaStatus.Blocked;
        }

        var journal = decisions.Where(d => d.Request.Purpose == purpose).ToArray();

        if (journal.Length == 0)
        {
            return MediaStatus.Held;
        }

        if (journal.Any(d => d.Verdict == Verdict.Hold))
        {
            return journal.Any(d => d.Request.Item.Faces.Any(f => f.Assignment.Kind == FaceAssignmentKind.Unassigned))
                ? MediaStatus.NeedsAssignment
                : MediaStatus.Held;
        }

        return journal.Any(d => d.Verdict == Verdict.Release) ? MediaStatus.Released : MediaStatus.Blocked;
    }

    /// <summary>
    /// True when a decision that sets the item's status (<see cref="Of"/>) holds because a consent change sent it back
    /// (<see cref="StoredDecision.ConsentRecheckAt"/>): the tablet says the item is being checked again (README, the tablet's
    /// <c>recheck</c>), as a family's journal does.
    /// </summary>
    public static bool SentBackByConsentChange(IReadOnlyList<StoredDecision> decisions)
    {
        var purpose = StatusPurpose(decisions);
        return decisions.Any(d => d.Request.Purpose == purpose && d.Verdict == Verdict.Hold && d.ConsentRecheckAt is not null);
    }

    /// <summary>The purpose whose decisions set the status: the journal, or the events purpose for an event item with no child tagged.</summary>
    private static Purpose StatusPurpose(IReadOnlyList<StoredDecision> decisions) =>
        !decisions.Any(d => d.Request.Purpose == Purpose.Journal) && decisions.Any(d => d.Request.Purpose == Purpose.Events) ? Purpose.Events : Purpose.Journal;
}
