namespace MediaGate.Gate.Review;

/// <summary>One of the engine's reasons, for the manager.</summary>
/// <param name="Code">Machine-readable, e.g. <c>FaceUnassigned</c>.</param>
/// <param name="Effect">Note, mask, hold or block.</param>
/// <param name="Message">The sentence for the manager.</param>
/// <param name="Face">The face it is about (1-based), if any.</param>
/// <param name="ChildId">The child it is about, if any.</param>
public sealed record ReviewReason(string Code, string Effect, string Message, int? Face, string? ChildId);
