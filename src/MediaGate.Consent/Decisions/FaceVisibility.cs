namespace MediaGate.Consent.Decisions;

/// <summary>Whether a face may be seen by the audience.</summary>
public enum FaceVisibility
{
    /// <summary>Masked irreversibly (the default for everyone without consent).</summary>
    Mask,

    /// <summary>Shown unmasked.</summary>
    Show,
}
