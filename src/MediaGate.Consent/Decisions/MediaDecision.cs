using MediaGate.Consent.Matrix;

namespace MediaGate.Consent.Decisions;

/// <summary>The decision for one media item, purpose and audience.</summary>
/// <param name="Verdict">Release, hold or block.</param>
/// <param name="Faces">Per face: shown or masked, in face order.</param>
/// <param name="Reasons">Why, in the order the rules ran.</param>
/// <param name="ReliedOn">The consent cells the decision read: a change to any of them may change it
/// (re-evaluation looks decisions up by these).</param>
public sealed record MediaDecision(
    Verdict Verdict,
    IReadOnlyList<FaceDecision> Faces,
    IReadOnlyList<DecisionReason> Reasons,
    IReadOnlyList<ConsentCellKey> ReliedOn)
{
    public bool HasReason(ReasonCode code) => Reasons.Any(r => r.Code == code);

    /// <summary>True when the two decisions would produce different renditions (or none).</summary>
    public bool Differs(Verdict otherVerdict, IReadOnlyList<FaceVisibility> otherFaces)
    {
        ArgumentNullException.ThrowIfNull(otherFaces);
        return Verdict != otherVerdict || !Faces.Select(f => f.Visibility).SequenceEqual(otherFaces);
    }
}
