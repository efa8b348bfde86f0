namespace MediaGate.Gate.Review;

/// <summary>One assignment in a review decision: <c>{"faceId", "childId" | null, "kind"?}</c>.</summary>
/// <param name="FaceId">The face.</param>
/// <param name="ChildId">The child; null for anyone else.</param>
/// <param name="Kind">Without a child: <c>staff</c>, <c>not-a-child</c>, <c>not-a-face</c> or <c>unassigned</c> (the default).</param>
public sealed record ReviewAssignmentBody(string? FaceId, string? ChildId, string? Kind = null);
