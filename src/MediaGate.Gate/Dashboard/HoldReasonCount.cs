namespace MediaGate.Gate.Dashboard;

/// <summary>How many items now held are held for this reason.</summary>
/// <param name="Reason">The consent engine's reason code, e.g. <c>FaceUnassigned</c> (for software).</param>
/// <param name="Count">How many items (photos and videos).</param>
/// <param name="Sentence">The same in words, e.g. "3 photos wait for a face to be named" or "2 photos and 1 video wait for a
/// face to be named" (<see cref="Review.HoldSentences.Count"/>).</param>
public sealed record HoldReasonCount(string Reason, int Count, string Sentence);
