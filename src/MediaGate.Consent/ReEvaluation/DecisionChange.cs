using MediaGate.Consent.Decisions;

namespace MediaGate.Consent.ReEvaluation;

/// <summary>A stored decision that comes out differently under the new consent, and what to do about it.</summary>
public sealed record DecisionChange(StoredDecision Before, MediaDecision After)
{
    public RenditionChange Change => (Before.Verdict, After.Verdict) switch
    {
        (Verdict.Release, Verdict.Release) => RenditionChange.Remake,
        (Verdict.Release, _) => RenditionChange.Withdraw,
        _ => RenditionChange.Reconsider,
    };
}
