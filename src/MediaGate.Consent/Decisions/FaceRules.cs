using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Consent.Decisions;

/// <summary>
/// Per face (product.md, "The decision"): shown only if assigned to a child whose consent for the purpose is granted
/// now; for a journal rendition for child A, another child B also needs B's group option; for an event's families, the
/// child must also be one of the event's attendees (events consent covers the events a child attended). A detection
/// dismissed as not a face gets no mask. An unassigned certain face is shown only where matching counts apply
/// (<see cref="MatchingCountsRule"/>); an unassigned faint face, a staff adult (unless the setting shows them) and someone
/// outside the setting are masked.
/// </summary>
internal static class FaceRules
{
    public static FaceDecision Decide(
        MediaFace face,
        FaceAssignment assignment,
        bool doubtful,
        CountMatch shownByCount,
        DecisionRequest request,
        DecisionDraft draft,
        ConsentSnapshot consent)
    {
        var visibility = assignment.Kind switch
        {
            FaceAssignmentKind.Child when doubtful => FaceVisibility.Mask, // already held: a doubtful assignment is never trusted
            FaceAssignmentKind.Child => ForChild(face, assignment.Child!.Value, request, draft, consent),
            FaceAssignmentKind.StaffAdult => ForStaffAdult(face, request.Options, draft),
            FaceAssignmentKind.Unknown => Unknown(face, draft),
            FaceAssignmentKind.NotAFace => FaceVisibility.Show, // a thumb, a toy: nothing to mask (audited when it was said)
            FaceAssignmentKind.Unassigned when shownByCount == CountMatch.EveryCandidate => FaceVisibility.Show,
            FaceAssignmentKind.Unassigned when shownByCount == CountMatch.CertainFaces && !face.Uncertain => FaceVisibility.Show,
            _ => FaceVisibility.Mask, // unassigned: an unknown child (held when certain, masked quietly when faint)
        };
        return new FaceDecision(face.Number, visibility, assignment);
    }

    private static FaceVisibility ForChild(MediaFace face, ChildId child, DecisionRequest request, DecisionDraft draft, ConsentSnapshot consent)
    {
        var cell = new ConsentCellKey(child, request.Purpose);
        draft.ReliesOn(cell);
        var status = consent.Status(child, request.Purpose);
        if (status != ConsentStatus.Granted)
        {
            var (code, message) = ReasonSentences.NotGranted(consent.NameOf(child), request.Purpose, status, consent.Record(cell));
            draft.Add(code, ReasonEffect.Mask, $"Face {face.Number} is masked: {message}", face, child);
            return FaceVisibility.Mask;
        }

        if (request.Audience.Kind == AudienceKind.EventFamilies && !request.Audience.Attendees.Contains(child))
        {
            // Issue 12, section 0: a tagged child who did not attend must not reach the attendees' families.
            draft.Add(ReasonCode.ChildNotAtEvent, ReasonEffect.Mask,
                $"Face {face.Number} is masked: {consent.NameOf(child)} did not attend this event, so the families who did may not see them", face, child);
            return FaceVisibility.Mask;
        }

        var isOtherFamilysChild = request.Audience.Kind == AudienceKind.ParentOfChild && request.Audience.Children[0] != child;
        if (request.Purpose == Purpose.Journal && isOtherFamilysChild && !consent.AllowsGroupSharing(child))
        {
            draft.Add(ReasonCode.NoGroupOption, ReasonEffect.Mask,
                $"Face {face.Number} is masked: {consent.NameOf(child)} may not appear in other families' journals (no group option)", face, child);
            return FaceVisibility.Mask;
        }

        return FaceVisibility.Show;
    }

    private static FaceVisibility ForStaffAdult(MediaFace face, DecisionOptions options, DecisionDraft draft)
    {
        if (options.StaffAdults == StaffAdultPolicy.Show)
        {
            draft.Add(ReasonCode.StaffAdultShown, ReasonEffect.Note, $"Face {face.Number} is a staff adult, shown by the setting's option", face);
            return FaceVisibility.Show;
        }

        draft.Add(ReasonCode.StaffAdultMasked, ReasonEffect.Mask, $"Face {face.Number} is a staff adult, masked by the setting's option", face);
        return FaceVisibility.Mask;
    }

    private static FaceVisibility Unknown(MediaFace face, DecisionDraft draft)
    {
        // product.md: "An unassigned face is an unknown child: treated as having no consent for anything."
        draft.Add(ReasonCode.UnknownPerson, ReasonEffect.Mask, $"Face {face.Number} is not a child with consent on record", face);
        return FaceVisibility.Mask;
    }
}
