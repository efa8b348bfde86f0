using System.Globalization;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Consent.Decisions;

/// <summary>
/// product.md, "Who is in a photo": auto-assignment only when unambiguous, and every doubt about who a face
/// is (unassigned, uncertain, more faces than tagged children while a face is unaccounted for, an assignment that
/// does not add up) holds.
/// </summary>
internal static class WhoIsInThePhoto
{
    /// <summary>The assignments the decision uses, in face order; a face it doubts comes back as unusable.</summary>
    public static FaceAssignment[] Resolve(MediaItem item, DecisionDraft draft, ConsentSnapshot consent)
    {
        var faces = item.Faces;
        var assignments = new FaceAssignment[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            assignments[i] = faces[i].Assignment;
        }

        // One face, one tagged child: the only unambiguous case (product.md: "assigned ... automatically only
        // when that is unambiguous (one face, one tagged child)").
        var tagged = DistinctTagged(item);
        if (faces.Count == 1 && tagged.Count == 1 && assignments[0].Kind == FaceAssignmentKind.Unassigned)
        {
            assignments[0] = FaceAssignment.ToChild(tagged[0]);
            draft.Add(ReasonCode.AutoAssigned, ReasonEffect.Note,
                $"Face {faces[0].Number} was assigned to {consent.NameOf(tagged[0])} automatically (one face, one tagged child)",
                faces[0], tagged[0]);
        }

        // The face count exists to catch faces nobody has accounted for (issue 7, section 6): once a person has
        // said whose every face is (a tagged child, a staff adult, or not a child in our setting), the count
        // alone no longer holds. An unassigned face keeps it (and holds on its own as well).
        if (faces.Count > tagged.Count && Array.Exists(assignments, a => a.Kind == FaceAssignmentKind.Unassigned))
        {
            draft.Add(ReasonCode.MoreFacesThanTaggedChildren, ReasonEffect.Hold, ReasonSentences.FaceCount(faces.Count, tagged.Count));
        }

        for (var i = 0; i < faces.Count; i++)
        {
            CheckFace(faces[i], assignments[i], tagged, draft, consent);
        }

        CheckChildrenOnSeveralFaces(faces, assignments, draft, consent);
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

    private static void CheckFace(MediaFace face, FaceAssignment assignment, List<ChildId> tagged, DecisionDraft draft, ConsentSnapshot consent)
    {
        if (face.Uncertain)
        {
            draft.Add(ReasonCode.FaceUncertain, ReasonEffect.Hold,
                string.Create(CultureInfo.InvariantCulture, $"Face {face.Number} was detected with low confidence (score {face.Score:0.00})"),
                face);
        }

        if (assignment.Kind == FaceAssignmentKind.Unassigned)
        {
            draft.Add(ReasonCode.FaceUnassigned, ReasonEffect.Hold, $"Face {face.Number} is unassigned", face);
        }
        else if (assignment.Child is { } child && !tagged.Contains(child))
        {
            draft.Add(ReasonCode.FaceAssignedToUntaggedChild, ReasonEffect.Hold,
                $"Face {face.Number} is assigned to {consent.NameOf(child)}, who is not tagged in this photo", face, child);
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
