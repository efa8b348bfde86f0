namespace MediaGate.Gate.Faces;

/// <summary>
/// One element of <c>PUT /api/tablet/media/{id}/faces</c>: <c>{"faceId", "childId" | null, "kind"?}</c>. Without
/// a kind, a child id assigns that child and null takes the assignment back. <c>kind</c> says who else a face is:
/// <c>staff</c> (a staff adult), <c>not-a-child</c> (nobody in our setting), <c>not-a-face</c> (a thumb, a toy: no mask,
/// not counted, audited with its score), <c>unassigned</c>, or <c>child</c> (with a child id).
/// </summary>
public sealed record FaceAssignmentInput(string? FaceId, string? ChildId, string? Kind = null);
