using MediaGate.Consent.People;

namespace MediaGate.Consent.Decisions;

/// <summary>Why a decision came out as it did: a code for software, a sentence for the manager.</summary>
/// <param name="Code">Machine-readable.</param>
/// <param name="Effect">What it does to the outcome.</param>
/// <param name="Message">For a person, e.g. "Face 3 is faint: masked, nobody needs to name it", "Ava has no website consent".</param>
/// <param name="Face">The face it is about (1-based), if any.</param>
/// <param name="Child">The child it is about, if any.</param>
public sealed record DecisionReason(ReasonCode Code, ReasonEffect Effect, string Message, int? Face = null, ChildId? Child = null)
{
    public override string ToString() => $"{Code} ({Effect}): {Message}";
}
