namespace MediaGate.Consent.Matrix;

/// <summary>The columns of the consent matrix (product.md, "The consent matrix").</summary>
public enum Purpose
{
    /// <summary>Kept in the learning journal and shown to the child's own parents; the cell's group option
    /// also allows other families to see the child unmasked.</summary>
    Journal,

    /// <summary>The setting's public website, never with a name.</summary>
    Website,

    /// <summary>Social media, press, prospectus, displays outside the setting.</summary>
    Publicity,

    /// <summary>Recordings of events, parties and outings shared with the families who attended.</summary>
    Events,
}
