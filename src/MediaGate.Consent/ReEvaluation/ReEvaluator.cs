using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;

namespace MediaGate.Consent.ReEvaluation;

/// <summary>
/// Re-evaluation after a consent change (issue 3, item 4): recomputes stored decisions from their stored
/// inputs, never by re-reading photos, and lists the ones that come out differently.
/// </summary>
public static class ReEvaluator
{
    /// <summary>The decisions that relied on <paramref name="changed"/> and now come out differently.</summary>
    public static IReadOnlyList<DecisionChange> AfterCellChange(
        IEnumerable<StoredDecision> stored,
        ConsentCellKey changed,
        ConsentSnapshot now) =>
        Changes(stored.Where(d => d.ReliedOn.Contains(changed)), now);

    /// <summary>Every stored decision that comes out differently now (e.g. after an annual review date passed).</summary>
    public static IReadOnlyList<DecisionChange> All(IEnumerable<StoredDecision> stored, ConsentSnapshot now) => Changes(stored, now);

    private static List<DecisionChange> Changes(IEnumerable<StoredDecision> candidates, ConsentSnapshot now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var changes = new List<DecisionChange>();
        foreach (var before in candidates)
        {
            var after = ConsentDecisionEngine.Decide(before.Request, now);
            if (after.Differs(before.Verdict, before.Faces))
            {
                changes.Add(new DecisionChange(before, after));
            }
        }

        return changes;
    }
}
