using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Consent.Decisions;

/// <summary>
/// Matching counts (product.md, "Who is in a photo"; issue 12, section 2): a journal rendition needs no assignment when
/// the photo's certain faces are exactly as many as its tagged children and every tagged child has journal consent with
/// the group option now. Each face shown then belongs to a tagged child whom every one of these families may see: the
/// same trust the single-face rule places in the tags. Precisely, for the journal purpose and a parent audience, with
/// K = the certain faces that are unassigned or assigned to a child (faces dismissed as not a face, marked staff or
/// not-a-child are not in K): it applies when K has an unassigned face, |K| equals the number of tagged children, every
/// face assigned to a child is certain and assigned to a distinct tagged child, and every tagged child's journal consent
/// is granted now with the group option. Faint faces are not shown by it (they stay masked unless a person names them).
/// Website, publicity and events still need real assignments.
/// </summary>
internal static class MatchingCountsRule
{
    public static bool Apply(DecisionRequest request, FaceAssignment[] assignments, List<ChildId> tagged, DecisionDraft draft, ConsentSnapshot consent)
    {
        if (request.Purpose != Purpose.Journal || request.Audience.Kind != AudienceKind.ParentOfChild || !CountsMatch(request.Item.Faces, assignments, tagged))
        {
            return false;
        }

        // The decision depends on every tagged child's journal cell: a group option granted later must find it again.
        foreach (var child in tagged)
        {
            draft.ReliesOn(new ConsentCellKey(child, Purpose.Journal));
        }

        if (!tagged.TrueForAll(consent.AllowsGroupSharing))
        {
            return false;
        }

        draft.Add(ReasonCode.MatchingCounts, ReasonEffect.Note,
            $"{ReasonSentences.Count(tagged.Count, "certain face", "certain faces")} for {ReasonSentences.Count(tagged.Count, "tagged child", "tagged children")}, " +
            "and every tagged child may appear in other families' journals: the faces are shown without naming them");
        return true;
    }

    private static bool CountsMatch(IReadOnlyList<MediaFace> faces, FaceAssignment[] assignments, List<ChildId> tagged)
    {
        var inK = 0;
        var unassigned = false;
        var children = new List<ChildId>();
        for (var i = 0; i < faces.Count; i++)
        {
            var assignment = assignments[i];
            if (assignment.Child is { } child)
            {
                if (faces[i].Uncertain || !tagged.Contains(child) || children.Contains(child))
                {
                    return false;
                }

                children.Add(child);
                inK++;
            }
            else if (assignment.Kind == FaceAssignmentKind.Unassigned && !faces[i].Uncertain)
            {
                unassigned = true;
                inK++;
            }
        }

        return unassigned && inK == tagged.Count;
    }
}
