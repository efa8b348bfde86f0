using MediaGate.Consent.Matrix;

namespace MediaGate.Gate.Consents;

/// <summary>What a consent change did.</summary>
/// <param name="Status">Recorded, or why not.</param>
/// <param name="Record">The history entry appended; null when nothing was recorded.</param>
/// <param name="ChangedDecisions">Stored decisions that came out differently and were re-made.</param>
/// <param name="AffectedMedia">The items whose renditions were refreshed.</param>
/// <param name="Problem">Why the change is invalid, for the manager.</param>
public sealed record ConsentChangeResult(
    ConsentChangeStatus Status, ConsentRecord? Record, int ChangedDecisions, IReadOnlyList<string> AffectedMedia, string? Problem = null)
{
    public static ConsentChangeResult UnknownChild { get; } = new(ConsentChangeStatus.UnknownChild, null, 0, []);

    public static ConsentChangeResult Invalid(string problem) => new(ConsentChangeStatus.Invalid, null, 0, [], problem);
}
