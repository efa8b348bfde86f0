using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;

namespace MediaGate.Gate.Consents;

/// <summary>What a consent change would do if saved (<see cref="ChangeConsent.PreviewAsync"/>); nothing was saved.</summary>
/// <param name="Record">The history entry the save would append.</param>
/// <param name="Changes">The stored decisions that would come out differently, and how their renditions would change.</param>
public sealed record ConsentPreview(ConsentRecord Record, IReadOnlyList<DecisionChange> Changes)
{
    /// <summary>The items whose renditions would be refreshed: what <see cref="ConsentChangeResult.AffectedMedia"/> of the save lists.</summary>
    public IReadOnlyList<string> AffectedMedia => Changes.Select(c => c.Before.Request.Item.Id.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
