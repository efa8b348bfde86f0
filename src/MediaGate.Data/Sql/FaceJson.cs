using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Data.Sql;

/// <summary>One face inside <see cref="DecisionRequestJson"/>.</summary>
internal sealed record FaceJson(int Number, float X, float Y, float Width, float Height, float Score, bool Uncertain, FaceAssignmentKind Assignment, string? Child)
{
    public static FaceJson From(MediaFace face) => new(
        face.Number, face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height, face.Score, face.Uncertain, face.Assignment.Kind, face.Assignment.Child?.Value);

    public MediaFace ToFace()
    {
        var assignment = Assignment switch
        {
            FaceAssignmentKind.Child when Child is not null => FaceAssignment.ToChild(new ChildId(Child)),
            FaceAssignmentKind.StaffAdult => FaceAssignment.StaffAdult,
            FaceAssignmentKind.Unknown => FaceAssignment.Unknown,
            FaceAssignmentKind.NotAFace => FaceAssignment.NotAFace,
            FaceAssignmentKind.Unassigned => FaceAssignment.Unassigned,
            _ => throw new InvalidDataException($"decisions.request_json has a face assignment '{Assignment}' without a child"),
        };
        return new MediaFace(Number, new FaceBox(X, Y, Width, Height), Score, Uncertain, assignment);
    }
}
