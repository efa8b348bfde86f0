namespace MediaGate.Consent.Decisions;

/// <summary>The setting's options that shape decisions.</summary>
/// <param name="JournalPhotoNeedingMasks">Default <see cref="JournalMaskPolicy.Hold"/>.</param>
/// <param name="StaffAdults">Default <see cref="StaffAdultPolicy.Mask"/>.</param>
public sealed record DecisionOptions(
    JournalMaskPolicy JournalPhotoNeedingMasks = JournalMaskPolicy.Hold,
    StaffAdultPolicy StaffAdults = StaffAdultPolicy.Mask)
{
    public static DecisionOptions Default { get; } = new();
}
