namespace MediaGate.Consent.Media;

/// <summary>A detected face and whose it is.</summary>
/// <param name="Number">1-based, as the manager sees it ("Face 2 is unassigned").</param>
/// <param name="Box">Where the face is.</param>
/// <param name="Score">The detector's confidence, 0..1.</param>
/// <param name="Uncertain">A faint detection (between the doubt and release thresholds): masked for everyone but the manager
/// unless a person names it, never holds and never counts as a face (product.md, "Who is in a photo"). False: certain.</param>
/// <param name="Assignment">Whose face it is.</param>
public sealed record MediaFace(int Number, FaceBox Box, float Score, bool Uncertain, FaceAssignment Assignment);
