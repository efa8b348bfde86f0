using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Gate.Review;

/// <summary>
/// The manager's answer is final (issue 12, section 2): a manager's release (or "release with masks") of a purpose
/// answers every question about who is in the photo, so a hold that waits for a person ends there. It is applied to
/// the decision's input, not its outcome, so that a later consent change re-decides it the same way (a withdrawal
/// still masks or blocks): every face nobody has named (unassigned, certain or faint), and every face whose name does
/// not add up (a child not tagged, one child on several faces), becomes someone with no consent for anything, masked;
/// no face stays "detected with low confidence" (a faint face a person named follows that child's consent, as the
/// engine decides it for faint faces). Faces already shown, and every consent rule, are untouched: the release never
/// shows a face the engine would mask, and a block stays a block.
/// </summary>
internal static class ManagerRelease
{
    /// <summary>The item as the manager's release settles it.</summary>
    public static MediaItem Settle(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var tagged = item.TaggedChildren.ToHashSet();
        var faces = item.Faces;
        var settled = new MediaFace[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var face = faces[i];
            var unaccounted = face.Assignment.Kind == FaceAssignmentKind.Unassigned
                || (face.Assignment.Child is { } child && (!tagged.Contains(child) || NamedOnAnotherFace(faces, i, child)));
            settled[i] = face with { Uncertain = false, Assignment = unaccounted ? FaceAssignment.Unknown : face.Assignment };
        }

        return item with { Faces = settled };
    }

    private static bool NamedOnAnotherFace(IReadOnlyList<MediaFace> faces, int index, ChildId child)
    {
        for (var j = 0; j < faces.Count; j++)
        {
            if (j != index && faces[j].Assignment.Child == child)
            {
                return true;
            }
        }

        return false;
    }
}
