using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;

namespace MediaGate.Gate.Consents;

/// <summary>What a consent change would do if saved (<see cref="ChangeConsent.PreviewAsync"/>); nothing was saved.</summary>
/// <param name="Status">Recorded (the preview was computed), or why not.</param>
/// <param name="Record">The history entry the save would append; null when the change is refused.</param>
/// <param name="Changes">The stored decisions that would come out differently, and how their renditions would change.</param>
/// <param name="Problem">Why the change is invalid, for the manager.</param>
public sealed record ConsentPreview(ConsentChangeStatus Status, ConsentRecord? Record, IReadOnlyList<DecisionChange> Changes, string? Problem)
{
    public static ConsentPreview UnknownChild { get; } = new(ConsentChangeStatus.UnknownChild, null, [], null);

    /// <summary>The items whose renditions would be refreshed: what <see cref="ConsentChangeResult.AffectedMedia"/> of the save lists.</summary>
    public IReadOnlyList<string> AffectedMedia => Changes.Select(c => c.Before.Request.Item.Id.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public static ConsentPreview Invalid(string problem) => new(ConsentChangeStatus.Invalid, null, [], problem);
}
