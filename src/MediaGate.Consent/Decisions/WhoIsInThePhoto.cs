using System.Globalization;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Consent.Decisions;

/// <summary>
/// product.md, "Who is in a photo". Detections come in two strengths: <b>certain</b> (<see cref="MediaFace.Uncertain"/>
/// false) and <b>faint</b> (true). A detection someone dismissed as <see cref="FaceAssignmentKind.NotAFace"/> is no face
/// at all. The precise rules, in this order:
/// <list type="number">
/// <item>Single face: with exactly one tagged child, the candidates are the faces of any strength not dismissed
/// (issue 12: "one tagged child and exactly one candidate of any strength"). When there is exactly one candidate, it is
/// unassigned and no other face is already that child's, it is the child (auto-assigned): one faint face alone is the
/// child, so the child is not masked in the own family's copy because the detector was unsure. One certain face and a
/// faint one are two candidates: the faint one may be the child and the certain one someone else, so nobody is assigned
/// (matching counts may still show the certain face when the child has the group option; else the tablet asks).</item>
/// <item>Face count: only certain faces that nobody has accounted for otherwise count (unassigned, or assigned to a
/// child; not faint ones, nor ones dismissed as not a face or marked staff or not-a-child). More of them than tagged
/// children holds while one of them is unassigned.</item>
/// <item>Per face: an unassigned certain face holds (unless matching counts apply, <see cref="MatchingCountsRule"/>); an
/// unassigned faint face is masked and never holds (nobody needs to name it), unless matching counts show every candidate; a face assigned to a child who is not
/// tagged, or one child on several faces, holds.</item>
/// </list>
/// </summary>
internal static class WhoIsInThePhoto
{
    /// <summary>The assignments the decision uses, in face order, after auto-assignment, and which unassigned faces
    /// matching counts show (<see cref="MatchingCountsRule"/>).</summary>
    public static ResolvedFaces Resolve(DecisionRequest request, List<ChildId> tagged, DecisionDraft draft, ConsentSnapshot consent)
    {
        var faces = request.Item.Faces;
        var assignments = Assigned(faces);
        AutoAssign(faces, assignments, tagged, draft, consent);
        var shownByCount = MatchingCountsRule.Apply(request, assignments, tagged, draft, consent);

        // The face count exists to catch faces nobody has accounted for (issue 7, section 6): once a person has
        // said whose every counted face is, the count alone no longer holds. Faint detections never count.
        var counted = CountedFaces(faces, assignments);
        if (counted > tagged.Count && HasUnassignedCertainFace(faces, assignments))
        {
            draft.Add(ReasonCode.MoreFacesThanTaggedChildren, ReasonEffect.Hold,
                $"{ReasonSentences.FaceCount(counted, tagged.Count)}: someone needs to say who the other faces are");
        }

        for (var i = 0; i < faces.Count; i++)
        {
            CheckFace(faces[i], assignments[i], request.Item.Kind, tagged, shownByCount, draft, consent);
        }

        CheckChildrenOnSeveralFaces(faces, assignments, draft, consent);
        return new ResolvedFaces(assignments, shownByCount);
    }

    private static FaceAssignment[] Assigned(IReadOnlyList<MediaFace> faces)
    {
        var assignments = new FaceAssignment[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            assignments[i] = faces[i].Assignment;
        }

        return assignments;
    }

    public static List<ChildId> DistinctTagged(MediaItem item)
    {
        var tagged = new List<ChildId>(item.TaggedChildren.Count);
        foreach (var child in item.TaggedChildren)
        {
            if (!tagged.Contains(child))
            {
                tagged.Add(child);
            }
        }

        return tagged;
    }

    /// <summary>True for a certain face that may be a child: unassigned, or assigned to a child.</summary>
    private static bool Counts(MediaFace face, FaceAssignment assignment) =>
        !face.Uncertain && assignment.Kind is FaceAssignmentKind.Unassigned or FaceAssignmentKind.Child;

    private static int CountedFaces(IReadOnlyList<MediaFace> faces, FaceAssignment[] assignments)
    {
        var counted = 0;
        for (var i = 0; i < faces.Count; i++)
        {
            counted += Counts(faces[i], assignments[i]) ? 1 : 0;
        }

        return counted;
    }

    private static bool HasUnassignedCertainFace(IReadOnlyList<MediaFace> faces, FaceAssignment[] assignments)
    {
        for (var i = 0; i < faces.Count; i++)
        {
            if (!faces[i].Uncertain && assignments[i].Kind == FaceAssignmentKind.Unassigned)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One tagged child and one candidate face: the only unambiguous case (product.md, "Who is in a photo").</summary>
    private static void AutoAssign(IReadOnlyList<MediaFace> faces, FaceAssignment[] assignments, List<ChildId> tagged, DecisionDraft draft, ConsentSnapshot consent)
    {
        if (tagged.Count != 1 || Array.Exists(assignments, a => a.Child == tagged[0]))
        {
            return;
        }

        var candidate = SingleCandidate(faces, assignments);
        if (candidate is not { } i || i < 0 || assignments[i].Kind != FaceAssignmentKind.Unassigned)
        {
            return;
        }

        assignments[i] = FaceAssignment.ToChild(tagged[0]);
        var strength = faces[i].Uncertain ? "one faint face and no other" : "one face";
        draft.Add(ReasonCode.AutoAssigned, ReasonEffect.Note,
            $"Face {faces[i].Number} was assigned to {consent.NameOf(tagged[0])} automatically ({strength}, one tagged child)", faces[i], tagged[0]);
    }

    /// <summary>The index of the only face, of any strength, not dismissed; null when there are none (or several: -1).</summary>
    private static int? SingleCandidate(IReadOnlyList<MediaFace> faces, FaceAssignment[] assignments)
    {
        int? found = null;
        for (var i = 0; i < faces.Count; i++)
        {
            if (assignments[i].Kind == FaceAssignmentKind.NotAFace)
            {
                continue;
            }

            if (found is not null)
            {
                return -1;
            }

            found = i;
        }

        return found;
    }

    private static void CheckFace(MediaFace face, FaceAssignment assignment, MediaKind kind, List<ChildId> tagged, CountMatch shownByCount, DecisionDraft draft, ConsentSnapshot consent)
    {
        if (assignment.Kind == FaceAssignmentKind.NotAFace)
        {
            var strength = face.Uncertain ? "faint" : "certain";
            draft.Add(ReasonCode.NotAFace, ReasonEffect.Note,
                string.Create(CultureInfo.InvariantCulture, $"Face {face.Number} is not a face, as someone said ({strength} detection, score {face.Score:0.00}): no mask"),
                face);
        }
        else if (assignment.Kind == FaceAssignmentKind.Unassigned && shownByCount == CountMatch.EveryCandidate)
        {
            // Shown by matching counts (the note says so once); nothing to hold or mask.
        }
        else if (assignment.Kind == FaceAssignmentKind.Unassigned && face.Uncertain)
        {
            // product.md: a faint detection "is masked in every rendition anyone but the manager sees, but never holds a photo".
            draft.Add(ReasonCode.FaceUncertain, ReasonEffect.Mask, $"Face {face.Number} is faint: masked, nobody needs to name it", face);
        }
        else if (assignment.Kind == FaceAssignmentKind.Unassigned && shownByCount == CountMatch.None)
        {
            draft.Add(ReasonCode.FaceUnassigned, ReasonEffect.Hold, $"Face {face.Number} is not named yet: staff can say on the tablet who it is, or the manager in review", face);
        }
        else if (assignment.Child is { } child && !tagged.Contains(child))
        {
            draft.Add(ReasonCode.FaceAssignedToUntaggedChild, ReasonEffect.Hold,
                $"Face {face.Number} is assigned to {consent.NameOf(child)}, who is not tagged in this {ReasonSentences.Noun(kind)}", face, child);
        }
    }

    private static void CheckChildrenOnSeveralFaces(IReadOnlyList<MediaFace> faces, FaceAssignment[] assignments, DecisionDraft draft, ConsentSnapshot consent)
    {
        for (var i = 0; i < assignments.Length; i++)
        {
            if (assignments[i].Child is not { } child)
            {
                continue;
            }

            for (var j = i + 1; j < assignments.Length; j++)
            {
                if (assignments[j].Child == child)
                {
                    draft.Add(ReasonCode.ChildOnSeveralFaces, ReasonEffect.Hold,
                        $"{consent.NameOf(child)} is assigned to faces {faces[i].Number} and {faces[j].Number}", faces[j], child);
                }
            }
        }
    }

    /// <summary>True when the face's assignment cannot be trusted (it is then masked whatever the consent).</summary>
    public static bool IsDoubtful(FaceAssignment assignment, int index, FaceAssignment[] all, List<ChildId> tagged)
    {
        if (assignment.Child is not { } child)
        {
            return false;
        }

        if (!tagged.Contains(child))
        {
            return true;
        }

        for (var j = 0; j < all.Length; j++)
        {
            if (j != index && all[j].Child == child)
            {
                return true;
            }
        }

        return false;
    }
}
