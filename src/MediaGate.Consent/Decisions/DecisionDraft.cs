using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;

namespace MediaGate.Consent.Decisions;

/// <summary>The decision while the rules run: reasons collected in order, cells read, the worst effect so far.</summary>
internal sealed class DecisionDraft
{
    private readonly List<DecisionReason> _reasons = [];
    private readonly List<ConsentCellKey> _reliedOn = [];

    public bool Blocked { get; private set; }

    public bool Held { get; private set; }

    public void Add(DecisionReason reason)
    {
        _reasons.Add(reason);
        Blocked |= reason.Effect == ReasonEffect.Block;
        Held |= reason.Effect == ReasonEffect.Hold;
    }

    public void Add(ReasonCode code, ReasonEffect effect, string message, MediaFace? face = null, People.ChildId? child = null) =>
        Add(new DecisionReason(code, effect, message, face?.Number, child));

    public void ReliesOn(ConsentCellKey cell)
    {
        if (!_reliedOn.Contains(cell))
        {
            _reliedOn.Add(cell);
        }
    }

    /// <summary>Block beats hold beats release: nothing is released by default, any doubt holds.</summary>
    public MediaDecision Finish(IReadOnlyList<FaceDecision> faces)
    {
        var verdict = Blocked ? Verdict.Block : Held ? Verdict.Hold : Verdict.Release;
        return new MediaDecision(verdict, faces, _reasons, _reliedOn);
    }
}
