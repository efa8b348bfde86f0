using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Media;
using MediaGate.Ingest.Detect;

namespace MediaGate.Gate.Renditions;

/// <summary>
/// Which stored decisions get a rendition, and with which faces masked. The engine's verdict is necessary, never
/// sufficient: the rendition store is the last gate before anyone outside the manager sees a face.
/// </summary>
internal static class RenditionPolicy
{
    /// <summary>
    /// True when the decision releases a rendition: verdict release; an audience renditions are made for (a
    /// child's parents for the journal; the public for website and publicity, and then only with the manager's
    /// approval recorded both in the request and in the approvals table: product.md, "website and publicity are
    /// never released without a manager's approval", and only while every child's face in it is shown: a child
    /// without consent for the public takes the photo off the website rather than onto it masked, because
    /// product.md asks that on withdrawal "website entries disappear"); the families of an event's attendees for
    /// events (each face shown only with its child's events consent, the rest masked: the engine's visibilities); no
    /// manager block for the purpose.
    /// </summary>
    public static bool Releases(StoredDecision decision, IReadOnlyCollection<Purpose> approved, IReadOnlyList<ReviewActionRecord> actions)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(actions);
        var request = decision.Request;
        if (decision.Verdict != Verdict.Release
            || actions.Any(a => a.Purpose == request.Purpose && a.Action == ReviewAction.Block)
            || decision.Faces.Count != request.Item.Faces.Count)
        {
            return false;
        }

        return (request.Purpose, request.Audience.Kind) switch
        {
            (Purpose.Journal, AudienceKind.ParentOfChild) => true,
            (Purpose.Events, AudienceKind.EventFamilies) => request.Audience.Children.Count > 0,
            (Purpose.Website or Purpose.Publicity, AudienceKind.Public) =>
                request.ManagerApproved && approved.Contains(request.Purpose) && !MasksAChild(decision),
            _ => false,
        };
    }

    private static bool MasksAChild(StoredDecision decision) =>
        decision.Request.Item.Faces.Select((face, i) => face.Assignment.Kind == FaceAssignmentKind.Child && decision.Faces[i] != FaceVisibility.Show).Any(masked => masked);

    /// <summary>The faces the decision masks, as boxes of the upright master.</summary>
    public static IReadOnlyList<DetectedFace> FacesToMask(StoredDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var faces = decision.Request.Item.Faces;
        var masked = new List<DetectedFace>();
        for (var i = 0; i < faces.Count; i++)
        {
            // A visibility missing for a face (a decision that does not fit its item) masks it: fail closed.
            if (i >= decision.Faces.Count || decision.Faces[i] != FaceVisibility.Show)
            {
                var box = faces[i].Box;
                masked.Add(new DetectedFace(box.X, box.Y, box.Width, box.Height, faces[i].Score, faces[i].Uncertain));
            }
        }

        return masked;
    }
}
