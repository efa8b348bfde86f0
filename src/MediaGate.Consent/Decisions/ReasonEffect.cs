namespace MediaGate.Consent.Decisions;

/// <summary>What a reason does to the outcome.</summary>
public enum ReasonEffect
{
    /// <summary>Explains, changes nothing.</summary>
    Note,

    /// <summary>A face is masked.</summary>
    Mask,

    /// <summary>The item is held for the manager's review.</summary>
    Hold,

    /// <summary>The item is never released for this purpose and audience.</summary>
    Block,
}
