using MediaGate.Consent.Media;

namespace MediaGate.Data.Media;

/// <summary>
/// Assignment kinds as the API and the database spell them: <c>unassigned</c>, <c>child</c>, <c>staff</c>
/// (a staff adult) <c>not-a-child</c> (someone said the face is nobody in the setting's matrix) and <c>not-a-face</c>.
/// </summary>
public static class FaceAssignmentNames
{
    public static string Name(this FaceAssignmentKind kind) => kind switch
    {
        FaceAssignmentKind.Unassigned => "unassigned",
        FaceAssignmentKind.Child => "child",
        FaceAssignmentKind.StaffAdult => "staff",
        FaceAssignmentKind.Unknown => "not-a-child",
        FaceAssignmentKind.NotAFace => "not-a-face",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown assignment kind"),
    };

    public static bool TryParse(string? name, out FaceAssignmentKind kind)
    {
        foreach (var candidate in Enum.GetValues<FaceAssignmentKind>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
