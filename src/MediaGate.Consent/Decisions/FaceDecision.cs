using MediaGate.Consent.Media;

namespace MediaGate.Consent.Decisions;

/// <summary>One face's outcome, with the assignment the decision used (after auto-assignment).</summary>
public sealed record FaceDecision(int Face, FaceVisibility Visibility, FaceAssignment Assignment);
