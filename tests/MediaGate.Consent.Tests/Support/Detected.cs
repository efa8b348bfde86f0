using MediaGate.Consent.Media;

namespace MediaGate.Consent.Tests.Support;

/// <summary>One detection of a test photo: whose it is, and whether it is faint (else certain).</summary>
public sealed record Detected(FaceAssignment Assignment, bool Faint);
