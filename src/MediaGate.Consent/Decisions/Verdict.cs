namespace MediaGate.Consent.Decisions;

/// <summary>What happens to a media item for one purpose and audience. Ordered by severity.</summary>
public enum Verdict
{
    /// <summary>Rendered (with the masks the faces need) and shown.</summary>
    Release,

    /// <summary>Waits for the manager's review.</summary>
    Hold,

    /// <summary>Never released for this purpose and audience.</summary>
    Block,
}
