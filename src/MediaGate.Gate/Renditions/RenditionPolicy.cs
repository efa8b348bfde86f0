using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Media;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;

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

    /// <summary>
    /// A faint detection nobody named that overlaps a face this decision shows by at least this IoU is a second,
    /// shifted box on that same face (the nursery day found them: a faint 0.43 box over a certain 1.00 face, its mask
    /// hiding the child from its own family). Its mask would hide the face the decision shows, so it is not masked.
    /// A faint box that overlaps less (a neighbour) is masked as usual, and a named or certain face always is.
    /// </summary>
    public const float SameFaceOverlap = 0.3f;

    /// <summary>The faces the decision masks, as boxes of the upright master.</summary>
    public static IReadOnlyList<DetectedFace> FacesToMask(StoredDecision decision) => Plan(decision).Masked;

    /// <summary>
    /// Which of <see cref="FacesToMask"/>'s masks give way to the faces the decision shows (<see cref="MaskYield"/>): a
    /// faint detection nobody named; a named, certain or consent-masked face never does.
    /// </summary>
    public static MaskYield YieldToShown(StoredDecision decision)
    {
        var plan = Plan(decision);
        return new MaskYield(plan.Yields, plan.Shown);
    }

    /// <summary>
    /// What the rendered pixels depend on besides the master and the settings: the boxes masked, whether each gives way,
    /// and the boxes shown. Decisions with the same key (a two-child photo whose parents both see both children) get
    /// the same picture, so it is rendered once for all of them.
    /// </summary>
    public static string PixelsKey(StoredDecision decision)
    {
        var (masked, yields, shown) = Plan(decision);
        var key = new System.Text.StringBuilder();
        for (var i = 0; i < masked.Count; i++)
        {
            key.Append(yields[i] ? "y" : "m").Append(Box(masked[i])).Append(';');
        }

        foreach (var box in shown)
        {
            key.Append('s').Append(Box(box)).Append(';');
        }

        return key.ToString();

        static string Box(DetectedFace face) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{face.X:R},{face.Y:R},{face.Width:R},{face.Height:R}");
    }

    /// <summary>One pass over the faces: the boxes shown, the boxes masked, and per masked box whether it gives way.</summary>
    private static (List<DetectedFace> Masked, List<bool> Yields, List<DetectedFace> Shown) Plan(StoredDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var faces = decision.Request.Item.Faces;
        var (masked, yields, shown) = (new List<DetectedFace>(), new List<bool>(), new List<DetectedFace>());
        for (var i = 0; i < faces.Count; i++)
        {
            if (i < decision.Faces.Count && decision.Faces[i] == FaceVisibility.Show)
            {
                shown.Add(ToDetected(faces[i]));
            }
        }

        for (var i = 0; i < faces.Count; i++)
        {
            var face = faces[i];
            bool faintAndUnnamed = face.Uncertain && face.Assignment.Kind == FaceAssignmentKind.Unassigned;
            bool shownHere = i < decision.Faces.Count && decision.Faces[i] == FaceVisibility.Show;

            // A visibility missing for a face (a decision that does not fit its item) masks it: fail closed.
            if (shownHere || (faintAndUnnamed && shown.Any(box => IntersectionOverUnion(box, face.Box) >= SameFaceOverlap)))
            {
                continue;
            }

            masked.Add(ToDetected(face));
            yields.Add(faintAndUnnamed);
        }

        return (masked, yields, shown);
    }

    private static DetectedFace ToDetected(MediaFace face) =>
        new(face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height, face.Score, face.Uncertain);

    private static float IntersectionOverUnion(DetectedFace a, Consent.Media.FaceBox b)
    {
        float width = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        float height = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        if (width <= 0 || height <= 0)
        {
            return 0f;
        }

        float intersection = width * height;
        return intersection / ((a.Width * a.Height) + (b.Width * b.Height) - intersection);
    }
}
