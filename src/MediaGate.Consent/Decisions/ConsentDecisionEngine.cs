using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;

namespace MediaGate.Consent.Decisions;

/// <summary>
/// The decision, a pure function (product.md, "The decision, per photo, per purpose and audience"):
/// (media item with faces and assignments, consent as of a moment, purpose, audience) → per face shown or
/// masked, and for the item release / hold / block, with reasons. It never throws for a decision it dislikes:
/// the outcome is the return value. Rules run in this order, and block beats hold beats release:
/// <list type="number">
/// <item>the audience must fit the purpose (a parent for the journal, the public for website and publicity,
/// event families for events, the manager for anything), else block;</item>
/// <item>who is in the photo (<see cref="WhoIsInThePhoto"/>): auto-assign the one candidate face to one tagged child;
/// matching counts for the journal (<see cref="MatchingCountsRule"/>); hold on unassigned certain faces, more certain faces
/// than tagged children while one is unassigned, or assignments that do not add up. Faint detections are masked and
/// never hold; detections dismissed as not a face get no mask and do not count;</item>
/// <item>the audience: a parent's child must be tagged and have journal consent, else block; event families
/// must have attended, else block; website and publicity wait for the manager's approval (hold);</item>
/// <item>each face (<see cref="FaceRules"/>): shown only with consent granted now (plus the group option for other
/// families' journals, and attendance for an event's families);</item>
/// <item>a journal photo that masks a certain face of a child or of someone unknown follows the setting's
/// <see cref="JournalMaskPolicy"/>; masks over faint detections and over staff adults never count for it.</item>
/// </list>
/// </summary>
public static class ConsentDecisionEngine
{
    public static MediaDecision Decide(DecisionRequest request, ConsentSnapshot consent)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(consent);
        var draft = new DecisionDraft();
        var faces = request.Item.Faces;
        if (!AudienceRules.Fits(request.Purpose, request.Audience.Kind))
        {
            draft.Add(ReasonCode.AudienceDoesNotFitPurpose, ReasonEffect.Block,
                $"A {request.Purpose.Name()} rendition cannot go to {request.Audience.Kind} audiences");
            return draft.Finish(AllMasked(faces));
        }

        if (request.Audience.Kind == AudienceKind.Manager)
        {
            // The manager sees everything in the setting (product.md, "Who uses it"); review starts from here.
            draft.Add(ReasonCode.ManagerReview, ReasonEffect.Note, "The manager sees every face in review");
            return draft.Finish(faces.Select(f => new FaceDecision(f.Number, FaceVisibility.Show, f.Assignment)).ToArray());
        }

        var tagged = WhoIsInThePhoto.DistinctTagged(request.Item);
        var (assignments, shownByCount) = WhoIsInThePhoto.Resolve(request, tagged, draft, consent);
        AudienceRules.Check(request, tagged, draft, consent);

        var decided = new FaceDecision[faces.Count];
        var masks = 0;
        for (var i = 0; i < faces.Count; i++)
        {
            var doubtful = WhoIsInThePhoto.IsDoubtful(assignments[i], i, assignments, tagged);
            decided[i] = FaceRules.Decide(faces[i], assignments[i], doubtful, shownByCount, request, draft, consent);
            masks += decided[i].Visibility == FaceVisibility.Mask && CountsForMaskPolicy(faces[i], assignments[i]) ? 1 : 0;
        }

        if (masks > 0 && request.Purpose == Purpose.Journal)
        {
            ApplyJournalMaskPolicy(request.Options.JournalPhotoNeedingMasks, masks, request.Item.Kind, draft);
        }

        return draft.Finish(decided);
    }

    /// <summary>
    /// Only a mask over a certain face of a child, of someone unknown or of nobody-yet counts for the setting's policy
    /// (issue 12, section 2: "a mask over a staff adult or a faint detection never holds by itself").
    /// </summary>
    private static bool CountsForMaskPolicy(MediaFace face, FaceAssignment assignment) =>
        !face.Uncertain && assignment.Kind is FaceAssignmentKind.Child or FaceAssignmentKind.Unknown or FaceAssignmentKind.Unassigned;

    private static void ApplyJournalMaskPolicy(JournalMaskPolicy policy, int masks, MediaKind kind, DecisionDraft draft)
    {
        var needs = $"Journal {ReasonSentences.Noun(kind)} needs {ReasonSentences.Count(masks, "mask", "masks")}";
        switch (policy)
        {
            case JournalMaskPolicy.MaskAndRelease:
                draft.Add(ReasonCode.JournalMasksApplied, ReasonEffect.Note, $"{needs}: masked, as the setting chose");
                break;
            case JournalMaskPolicy.Block:
                draft.Add(ReasonCode.JournalNeedsMasksBlocked, ReasonEffect.Block, $"{needs}: blocked, as the setting chose");
                break;
            default:
                draft.Add(ReasonCode.JournalNeedsMasksHeld, ReasonEffect.Hold, $"{needs}: held for the manager, as the setting chose");
                break;
        }
    }

    private static FaceDecision[] AllMasked(IReadOnlyList<MediaFace> faces) =>
        faces.Select(f => new FaceDecision(f.Number, FaceVisibility.Mask, f.Assignment)).ToArray();
}
