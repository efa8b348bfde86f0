using MediaGate.Consent.Media;

namespace MediaGate.Consent.Decisions;

/// <summary>Who is in the photo as the decision uses it.</summary>
/// <param name="Assignments">Per face, in face order, after auto-assignment.</param>
/// <param name="ShownByCount">Matching counts apply: the unassigned certain faces are shown (<see cref="MatchingCountsRule"/>).</param>
internal readonly record struct ResolvedFaces(FaceAssignment[] Assignments, bool ShownByCount);
