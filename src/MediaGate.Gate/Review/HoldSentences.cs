using MediaGate.Consent.Decisions;

namespace MediaGate.Gate.Review;

/// <summary>
/// Why a photo is held, in words a manager acts on (issue 12, section 2: "say in plain words which purpose, if any,
/// still holds a photo, and who can act on it"; the dashboard's reasons as sentences, not codes).
/// </summary>
public static class HoldSentences
{
    /// <summary>
    /// The hold reasons as clauses, each saying who can act: e.g. "faces 2 and 3 need a name — the practitioner can
    /// name them on the tablet, or you can here". Reasons that are not holds are left out.
    /// </summary>
    public static IReadOnlyList<string> Clauses(IEnumerable<DecisionReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var holds = reasons.Where(r => r.Effect == ReasonEffect.Hold).ToArray();
        var clauses = new List<string>();
        var unnamed = Faces(holds, ReasonCode.FaceUnassigned);
        if (unnamed.Count > 0)
        {
            clauses.Add($"{FaceList(unnamed)} {(unnamed.Count == 1 ? "needs" : "need")} a name — the practitioner can name {Them(unnamed)} on the tablet, or you can here");
        }
        else if (holds.Any(r => r.Code == ReasonCode.MoreFacesThanTaggedChildren))
        {
            clauses.Add("there are more faces than tagged children — the practitioner can name the faces on the tablet, or you can here");
        }

        var faint = Faces(holds, ReasonCode.FaceUncertain);
        if (faint.Count > 0)
        {
            clauses.Add($"{FaceList(faint)} {(faint.Count == 1 ? "was" : "were")} detected faintly — name {Them(faint)} or mark {Them(faint)} not a face, "
                + $"on the tablet or here, or release the photo here with {Them(faint)} masked");
        }

        foreach (var reason in holds.Where(r => r.Code is not (ReasonCode.FaceUnassigned or ReasonCode.MoreFacesThanTaggedChildren or ReasonCode.FaceUncertain)))
        {
            clauses.Add(reason.Code switch
            {
                ReasonCode.FaceAssignedToUntaggedChild or ReasonCode.ChildOnSeveralFaces => $"{Lower(reason.Message)} — you can correct the names here",
                ReasonCode.JournalNeedsMasksHeld => "it needs masks and the setting holds such photos for you — you can release it here with the masks",
                ReasonCode.AwaitingManagerApproval => "it waits for your approval",
                _ => $"{Lower(reason.Message)} — you can decide here",
            });
        }

        return clauses.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// How many photos one hold reason holds, as a sentence for the dashboard (e.g. "3 photos wait for a face to be
    /// named"); <paramref name="code"/> is the engine's reason code (<see cref="ReasonCode"/>).
    /// </summary>
    public static string Count(string code, int photos)
    {
        var many = photos != 1;
        var subject = many ? $"{photos} photos" : "1 photo";
        string Verb(string one, string several) => many ? several : one;
        return Enum.TryParse<ReasonCode>(code, out var known) ? known switch
        {
            ReasonCode.FaceUnassigned => $"{subject} {Verb("waits", "wait")} for a face to be named",
            ReasonCode.MoreFacesThanTaggedChildren => $"{subject} {Verb("shows", "show")} more faces than tagged children",
            ReasonCode.FaceUncertain => $"{subject} {Verb("has", "have")} a faint detection to name, dismiss or release masked",
            ReasonCode.FaceAssignedToUntaggedChild => $"{subject} {Verb("has", "have")} a face named as a child who is not tagged",
            ReasonCode.ChildOnSeveralFaces => $"{subject} {Verb("has", "have")} one child named on more than one face",
            ReasonCode.JournalNeedsMasksHeld => $"{subject} {Verb("needs", "need")} masks and {Verb("waits", "wait")} for your release (the setting holds such photos)",
            ReasonCode.AwaitingManagerApproval => $"{subject} {Verb("waits", "wait")} for your approval",
            _ => $"{subject} {Verb("is", "are")} held: {known}",
        } : $"{subject} {Verb("is", "are")} held: {code}";
    }

    private static List<int> Faces(IEnumerable<DecisionReason> reasons, ReasonCode code) =>
        reasons.Where(r => r.Code == code && r.Face is not null).Select(r => r.Face!.Value).Distinct().Order().ToList();

    private static string FaceList(List<int> faces) => faces.Count == 1
        ? $"face {faces[0]}"
        : $"faces {string.Join(", ", faces.Take(faces.Count - 1))} and {faces[^1]}";

    private static string Them(List<int> faces) => faces.Count == 1 ? "it" : "them";

    /// <summary>"Face 2 is ..." reads "face 2 is ..." inside a sentence; a message that starts with a name keeps it.</summary>
    private static string Lower(string message) => message.StartsWith("Face ", StringComparison.Ordinal) ? "f" + message[1..] : message;
}
