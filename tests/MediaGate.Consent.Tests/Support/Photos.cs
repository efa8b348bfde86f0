using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Consent.Tests.Support;

/// <summary>Photos as the decision sees them: tagged children and faces, no pixels needed.</summary>
public static class Photos
{
    public static MediaItem Photo(ChildId[] tagged, params FaceAssignment[] faces) =>
        new(new MediaItemId("photo-1"), tagged, faces.Select((a, i) => Face(i + 1, a, uncertain: false)).ToArray(), MediaKind.Photo);

    public static MediaItem PhotoWithUncertainFace(ChildId[] tagged, params FaceAssignment[] faces) =>
        new(new MediaItemId("photo-1"), tagged, faces.Select((a, i) => Face(i + 1, a, uncertain: i == faces.Length - 1)).ToArray(), MediaKind.Photo);

    /// <summary>A photo whose detections are each certain or faint (<see cref="Certain"/>, <see cref="Faint"/>).</summary>
    public static MediaItem Detections(ChildId[] tagged, params Detected[] faces) =>
        new(new MediaItemId("photo-1"), tagged, faces.Select((d, i) => Face(i + 1, d.Assignment, d.Faint)).ToArray(), MediaKind.Photo);

    public static Detected Certain(FaceAssignment assignment) => new(assignment, Faint: false);

    public static Detected Faint(FaceAssignment assignment) => new(assignment, Faint: true);

    public static FaceAssignment Of(ChildId child) => FaceAssignment.ToChild(child);

    public static FaceAssignment Unassigned => FaceAssignment.Unassigned;

    public static FaceAssignment Staff => FaceAssignment.StaffAdult;

    public static FaceAssignment Stranger => FaceAssignment.Unknown;

    public static FaceAssignment Dismissed => FaceAssignment.NotAFace;

    private static MediaFace Face(int number, FaceAssignment assignment, bool uncertain) =>
        new(number, new FaceBox(number * 100, 50, 60, 60), uncertain ? 0.55f : 0.93f, uncertain, assignment);
}
