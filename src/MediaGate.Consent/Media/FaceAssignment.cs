using MediaGate.Consent.People;

namespace MediaGate.Consent.Media;

/// <summary>Who a detected face belongs to; <see cref="Child"/> is set only for <see cref="FaceAssignmentKind.Child"/>.</summary>
public sealed record FaceAssignment
{
    private FaceAssignment(FaceAssignmentKind kind, ChildId? child)
    {
        Kind = kind;
        Child = child;
    }

    public FaceAssignmentKind Kind { get; }

    public ChildId? Child { get; }

    public static FaceAssignment Unassigned { get; } = new(FaceAssignmentKind.Unassigned, null);

    public static FaceAssignment StaffAdult { get; } = new(FaceAssignmentKind.StaffAdult, null);

    public static FaceAssignment Unknown { get; } = new(FaceAssignmentKind.Unknown, null);

    public static FaceAssignment NotAFace { get; } = new(FaceAssignmentKind.NotAFace, null);

    public static FaceAssignment ToChild(ChildId child) => new(FaceAssignmentKind.Child, child);

    public override string ToString() => Kind == FaceAssignmentKind.Child ? $"child {Child}" : Kind.ToString();
}
