namespace MediaGate.Consent.Decisions;

/// <summary>Whether adults marked as staff by the uploader are shown (product.md: "governed by a setting option").</summary>
public enum StaffAdultPolicy
{
    /// <summary>Masked like anyone without consent (the default: fail closed).</summary>
    Mask,

    /// <summary>Shown: staff agreed to appear as part of their employment.</summary>
    Show,
}
