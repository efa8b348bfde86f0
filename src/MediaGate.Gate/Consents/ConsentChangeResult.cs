using MediaGate.Consent.Matrix;

namespace MediaGate.Gate.Consents;

/// <summary>What a recorded consent change did.</summary>
/// <param name="Record">The history entry appended; null when cells changed elsewhere were only re-evaluated.</param>
/// <param name="ChangedDecisions">Stored decisions that came out differently and were re-made.</param>
/// <param name="AffectedMedia">The items whose renditions were refreshed.</param>
public sealed record ConsentChangeResult(ConsentRecord? Record, int ChangedDecisions, IReadOnlyList<string> AffectedMedia);
