using MediaGate.Consent.Media;

namespace MediaGate.Data.Media;

/// <summary>Someone says whose a face is (<see cref="FaceAssignment.Unassigned"/> takes an assignment back).</summary>
public sealed record FaceAssignmentChange(string FaceId, FaceAssignment Assignment);
