using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Consent.Decisions;

/// <summary>
/// Per face: shown only if assigned to a child whose consent for the purpose is granted now; for a journal
/// rendition for child A, another child B also needs B's group option (product.md, "The decision").
/// </summary>
internal static class FaceRules
{
    public static FaceDecision Decide(
        MediaFace face,
        FaceAssignment assignment,
        bool doubtful,
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
            _ => FaceVisibility.Mask, // unassigned: an unknown child, already held
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
