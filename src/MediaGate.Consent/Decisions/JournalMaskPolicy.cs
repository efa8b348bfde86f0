namespace MediaGate.Consent.Decisions;

/// <summary>
/// What a journal photo that would need masks does. Practitioners dislike masked faces in journals,
/// so the setting chooses (product.md, "The decision": held, masked, or blocked).
/// </summary>
public enum JournalMaskPolicy
{
    /// <summary>Held for the manager's review.</summary>
    Hold,

    /// <summary>Released with the masks (the default: masks are irreversible).</summary>
    MaskAndRelease,

    /// <summary>Never released to the journal.</summary>
    Block,
}
