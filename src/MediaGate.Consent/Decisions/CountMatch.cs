namespace MediaGate.Consent.Decisions;

/// <summary>Which unassigned faces matching counts show (<see cref="MatchingCountsRule"/>).</summary>
internal enum CountMatch
{
    /// <summary>Matching counts do not apply: every unassigned face is masked.</summary>
    None,

    /// <summary>The certain faces are as many as the tagged children: the unassigned certain faces are shown, faint ones stay masked.</summary>
    CertainFaces,

    /// <summary>Fewer certain faces than tagged children, but the candidates of any strength are exactly as many: every unassigned
    /// candidate is shown, faint ones included (the single-face rule's "one candidate of any strength", for several children).</summary>
    EveryCandidate,
}
