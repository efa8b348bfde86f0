using MediaGate.Consent.Media;

namespace MediaGate.Consent.Decisions;

/// <summary>Who is in the photo as the decision uses it.</summary>
/// <param name="Assignments">Per face, in face order, after auto-assignment.</param>
/// <param name="ShownByCount">Which unassigned faces matching counts show (<see cref="MatchingCountsRule"/>).</param>
internal readonly record struct ResolvedFaces(FaceAssignment[] Assignments, CountMatch ShownByCount);
