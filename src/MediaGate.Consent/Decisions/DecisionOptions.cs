namespace MediaGate.Consent.Decisions;

/// <summary>The setting's options that shape decisions.</summary>
/// <param name="JournalPhotoNeedingMasks">Default <see cref="JournalMaskPolicy.MaskAndRelease"/>: masks are irreversible,
/// so a masked journal photo is safe to release (issue 12, section 2).</param>
/// <param name="StaffAdults">Default <see cref="StaffAdultPolicy.Mask"/>.</param>
public sealed record DecisionOptions(
    JournalMaskPolicy JournalPhotoNeedingMasks = JournalMaskPolicy.MaskAndRelease,
    StaffAdultPolicy StaffAdults = StaffAdultPolicy.Mask)
{
    public static DecisionOptions Default { get; } = new();
}
