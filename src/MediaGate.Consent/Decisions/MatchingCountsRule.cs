using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Consent.Decisions;

/// <summary>
/// Matching counts (product.md, "Who is in a photo"; issue 12, section 2): a journal rendition needs no assignment when
/// the photo's faces are exactly as many as its tagged children and every tagged child has journal consent with the
/// group option now. Each face shown then belongs to a tagged child whom every one of these families may see: the
/// same trust the single-face rule places in the tags. Precisely, for the journal purpose and a parent audience, a
/// candidate is a face unassigned or assigned to a child (faces dismissed as not a face, marked staff or not-a-child are
/// not candidates), and every face assigned to a child must be assigned to a distinct tagged child:
/// <list type="bullet">
/// <item><see cref="CountMatch.CertainFaces"/>: the certain candidates, one of them unassigned, are exactly as many as the
/// tagged children, and every child is named on a certain face. Faint faces stay masked (they are extra boxes).</item>
/// <item><see cref="CountMatch.EveryCandidate"/>: fewer certain candidates than tagged children, but the candidates of any
/// strength, one of them unassigned, are exactly as many. The second model was unsure of a face, yet there is no
/// face left over for anyone but the tagged children: a child is not masked in their own family's copy because the
/// verifier hesitated (issue 12: "the rules must not mask a child in their own family's copy because the second model
/// was unsure"). This is the single-face rule's "exactly one candidate of any strength", for several children.</item>
/// </list>
/// Website, publicity and events still need real assignments.
/// </summary>
internal static class MatchingCountsRule
{
    public static CountMatch Apply(DecisionRequest request, FaceAssignment[] assignments, List<ChildId> tagged, DecisionDraft draft, ConsentSnapshot consent)
    {
        if (request.Purpose != Purpose.Journal || request.Audience.Kind != AudienceKind.ParentOfChild)
        {
            return CountMatch.None;
        }

        var match = CountsMatch(request.Item.Faces, assignments, tagged);
        if (match == CountMatch.None)
        {
            return CountMatch.None;
        }

        // The decision depends on every tagged child's journal cell: a group option granted later must find it again.
        foreach (var child in tagged)
        {
            draft.ReliesOn(new ConsentCellKey(child, Purpose.Journal));
        }

        if (!tagged.TrueForAll(consent.AllowsGroupSharing))
        {
            return CountMatch.None;
        }

        var faces = match == CountMatch.CertainFaces
            ? ReasonSentences.Count(tagged.Count, "certain face", "certain faces")
            : ReasonSentences.Count(tagged.Count, "face", "faces") + " (some faint)";
        draft.Add(ReasonCode.MatchingCounts, ReasonEffect.Note,
            $"{faces} for {ReasonSentences.Count(tagged.Count, "tagged child", "tagged children")}, " +
            "and every tagged child may appear in other families' journals: the faces are shown without naming them");
        return match;
    }

    private static CountMatch CountsMatch(IReadOnlyList<MediaFace> faces, FaceAssignment[] assignments, List<ChildId> tagged)
    {
        var certain = 0;
        var all = 0;
        var unassignedCertain = false;
        var unassigned = false;
        var childOnFaint = false;
        var children = new List<ChildId>();
        for (var i = 0; i < faces.Count; i++)
        {
            var assignment = assignments[i];
            if (assignment.Child is { } child)
            {
                if (!tagged.Contains(child) || children.Contains(child))
                {
                    return CountMatch.None;
                }

                children.Add(child);
                childOnFaint |= faces[i].Uncertain;
            }
            else if (assignment.Kind != FaceAssignmentKind.Unassigned)
            {
                continue;
            }
            else
            {
                unassigned = true;
                unassignedCertain |= !faces[i].Uncertain;
            }

            all++;
            certain += faces[i].Uncertain ? 0 : 1;
        }

        if (certain == tagged.Count)
        {
            return unassignedCertain && !childOnFaint ? CountMatch.CertainFaces : CountMatch.None;
        }

        return certain < tagged.Count && all == tagged.Count && unassigned ? CountMatch.EveryCandidate : CountMatch.None;
    }
}
