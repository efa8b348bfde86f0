using MediaGate.Consent.Matrix;

namespace MediaGate.Data.Media;

/// <summary>The manager's latest review action for one item and purpose.</summary>
/// <param name="MediaId">The item.</param>
/// <param name="Purpose">The purpose it is about.</param>
/// <param name="Action">Release, mask or block.</param>
/// <param name="DecidedBy">The manager's account id.</param>
/// <param name="DecidedAt">When.</param>
public sealed record ReviewActionRecord(string MediaId, Purpose Purpose, ReviewAction Action, string DecidedBy, DateTimeOffset DecidedAt);
