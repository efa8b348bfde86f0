using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Review;

/// <summary>
/// The manager's decision as sent (api.md, <c>POST /api/manager/media/{mediaId}/decision</c>):
/// <c>{"purpose", "action": "release" | "mask" | "block" | "approve", "assignments"?: [...]}</c>. <c>approve</c> is
/// <c>release</c> by another name (approving an item for the website or publicity). The manager's release (and
/// <c>mask</c>, "release with masks") is final: it releases the purpose with every face nobody accounted for masked
/// (<see cref="ManagerRelease"/>); assignments may be of kind <c>not-a-face</c> (the detection is dismissed).
/// </summary>
public sealed record ReviewDecisionBody(string? Purpose, string? Action, IReadOnlyList<ReviewAssignmentBody>? Assignments = null)
{
    private const int MaxAssignments = 1000;

    /// <summary>The typed decision, or why the body is invalid.</summary>
    public (ReviewDecision? Decision, string? Problem) Read()
    {
        if (!PurposeNames.TryParse(Purpose, out var purpose))
        {
            return (null, "purpose must be one of journal, website, publicity, events.");
        }

        ReviewAction? action = Action?.Trim().ToLowerInvariant() switch
        {
            "release" or "approve" => ReviewAction.Release,
            "mask" => ReviewAction.Mask,
            "block" => ReviewAction.Block,
            _ => null,
        };
        if (action is null)
        {
            return (null, "action must be one of release, mask, block (approve = release).");
        }

        var assignments = Assignments ?? [];
        if (assignments.Count > MaxAssignments)
        {
            return (null, $"at most {MaxAssignments} assignments.");
        }

        var changes = new List<FaceAssignmentChange>();
        foreach (var assignment in assignments)
        {
            if (assignment is null || string.IsNullOrWhiteSpace(assignment.FaceId))
            {
                return (null, "every assignment needs a faceId.");
            }

            if (assignment.ChildId is { } child)
            {
                if (string.IsNullOrWhiteSpace(child) || (assignment.Kind is not null && assignment.Kind != "child"))
                {
                    return (null, "an assignment with a childId is of kind child.");
                }

                changes.Add(new FaceAssignmentChange(assignment.FaceId, FaceAssignment.ToChild(new ChildId(child))));
                continue;
            }

            if (!FaceAssignmentNames.TryParse(assignment.Kind ?? "unassigned", out var kind) || kind == FaceAssignmentKind.Child)
            {
                return (null, "kind must be staff, not-a-child, not-a-face or unassigned when there is no childId.");
            }

            changes.Add(new FaceAssignmentChange(assignment.FaceId, kind switch
            {
                FaceAssignmentKind.StaffAdult => FaceAssignment.StaffAdult,
                FaceAssignmentKind.Unknown => FaceAssignment.Unknown,
                FaceAssignmentKind.NotAFace => FaceAssignment.NotAFace,
                _ => FaceAssignment.Unassigned,
            }));
        }

        return (new ReviewDecision(purpose, action.Value, changes), null);
    }
}
