using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>A row of <c>media_faces</c> as Dapper reads it.</summary>
internal sealed class FaceRow
{
    public const string Columns =
        "f.id AS Id, f.media_id AS MediaId, f.number AS Number, f.x AS X, f.y AS Y, f.w AS W, f.h AS H, f.score AS Score, " +
        "f.uncertain AS Uncertain, f.assignment AS Assignment, f.child_id AS ChildId, f.assigned_by AS AssignedBy, f.assigned_at AS AssignedAt";

    public string Id { get; set; } = "";

    public string MediaId { get; set; } = "";

    public long Number { get; set; }

    public double X { get; set; }

    public double Y { get; set; }

    public double W { get; set; }

    public double H { get; set; }

    public double Score { get; set; }

    public long Uncertain { get; set; }

    public string Assignment { get; set; } = "";

    public string? ChildId { get; set; }

    public string? AssignedBy { get; set; }

    public string? AssignedAt { get; set; }

    public FaceRecord ToRecord()
    {
        if (!FaceAssignmentNames.TryParse(Assignment, out var kind))
        {
            throw new InvalidDataException($"media_faces.assignment '{Assignment}' is not a known kind");
        }

        var assignment = kind switch
        {
            FaceAssignmentKind.Child => FaceAssignment.ToChild(new ChildId(ChildId ?? throw new InvalidDataException("media_faces.child_id is null for a child"))),
            FaceAssignmentKind.StaffAdult => FaceAssignment.StaffAdult,
            FaceAssignmentKind.Unknown => FaceAssignment.Unknown,
            FaceAssignmentKind.NotAFace => FaceAssignment.NotAFace,
            _ => FaceAssignment.Unassigned,
        };
        return new FaceRecord(Id, MediaId, checked((int)Number), new FaceBox((float)X, (float)Y, (float)W, (float)H), (float)Score, Uncertain != 0,
            assignment, AssignedBy, DbText.ToInstantOrNull(AssignedAt));
    }
}
