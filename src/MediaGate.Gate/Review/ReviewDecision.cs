using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Review;

/// <summary>The manager's decision on one item, read and checked (<see cref="ReviewDecisionBody.Read"/>).</summary>
/// <param name="Purpose">What it is about.</param>
/// <param name="Action">Release, mask or block.</param>
/// <param name="Assignments">Faces assigned at the same time (may be empty).</param>
public sealed record ReviewDecision(Purpose Purpose, ReviewAction Action, IReadOnlyList<FaceAssignmentChange> Assignments);
