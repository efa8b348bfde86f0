using MediaGate.Consent.Decisions;
using MediaGate.Consent.Media;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Review;

/// <summary>
/// Why a photo or video is held, in words a manager acts on (issue 12, section 2: "say in plain words which purpose, if any,
/// still holds a photo, and who can act on it"; the dashboard's reasons as sentences, not codes).
/// </summary>
public static class HoldSentences
{
    /// <summary>
    /// The hold reasons as clauses, each saying who can act: e.g. "faces 2 and 3 need a name — the practitioner can
    /// name them on the tablet, or you can here". Reasons that are not holds are left out. <paramref name="kind"/> names
    /// the item ("release the video here").
    /// </summary>
    public static IReadOnlyList<string> Clauses(IEnumerable<DecisionReason> reasons, MediaKind kind)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var noun = MediaKinds.Name(kind);
        var holds = reasons.Where(r => r.Effect == ReasonEffect.Hold).ToArray();
        var clauses = new List<string>();
        var faint = Faces(holds, ReasonCode.FaceUncertain);
        // A faint face is answered by its own clause (name it, dismiss it, or release with it masked), not twice.
        var unnamed = Faces(holds, ReasonCode.FaceUnassigned).Except(faint).ToList();
        if (unnamed.Count > 0)
        {
            clauses.Add($"{FaceList(unnamed)} {(unnamed.Count == 1 ? "needs" : "need")} a name — the practitioner can name {Them(unnamed)} on the tablet, or you can here");
        }
        else if (faint.Count == 0 && holds.Any(r => r.Code == ReasonCode.MoreFacesThanTaggedChildren))
        {
            clauses.Add("there are more faces than tagged children — the practitioner can name the faces on the tablet, or you can here");
        }

        if (faint.Count > 0)
        {
            clauses.Add($"{FaceList(faint)} {(faint.Count == 1 ? "was" : "were")} detected faintly — name {Them(faint)} or mark {Them(faint)} not a face, "
                + $"on the tablet or here, or release the {noun} here with {Them(faint)} masked");
        }

        foreach (var reason in holds.Where(r => r.Code is not (ReasonCode.FaceUnassigned or ReasonCode.MoreFacesThanTaggedChildren or ReasonCode.FaceUncertain)))
        {
            clauses.Add(reason.Code switch
            {
                ReasonCode.FaceAssignedToUntaggedChild or ReasonCode.ChildOnSeveralFaces => $"{Lower(reason.Message)} — you can correct the names here",
                ReasonCode.JournalNeedsMasksHeld => $"it needs masks and the setting holds such {noun}s for you — you can release it here with the masks",
                ReasonCode.AwaitingManagerApproval => "it waits for your approval",
                _ => $"{Lower(reason.Message)} — you can decide here",
            });
        }

        return clauses.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// How many items one hold reason holds, as a sentence for the dashboard, naming photos and videos apart (e.g. "3
    /// photos wait for a face to be named", "2 photos and 1 video wait for a face to be named"); <paramref name="code"/>
    /// is the engine's reason code (<see cref="ReasonCode"/>).
    /// </summary>
    public static string Count(string code, int photos, int videos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(photos);
        ArgumentOutOfRangeException.ThrowIfNegative(videos);
        var many = photos + videos != 1;
        string Counted(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
        var subject = (photos, videos) switch
        {
            (_, 0) => Counted(photos, "photo"),
            (0, _) => Counted(videos, "video"),
            _ => $"{Counted(photos, "photo")} and {Counted(videos, "video")}",
        };
        string Verb(string one, string several) => many ? several : one;
        return Enum.TryParse<ReasonCode>(code, out var known) ? known switch
        {
            ReasonCode.FaceUnassigned => $"{subject} {Verb("waits", "wait")} for a face to be named",
            ReasonCode.MoreFacesThanTaggedChildren => $"{subject} {Verb("shows", "show")} more faces than tagged children",
            ReasonCode.FaceUncertain => $"{subject} {Verb("has", "have")} a faint detection to name, dismiss or release masked",
            ReasonCode.FaceAssignedToUntaggedChild => $"{subject} {Verb("has", "have")} a face named as a child who is not tagged",
            ReasonCode.ChildOnSeveralFaces => $"{subject} {Verb("has", "have")} one child named on more than one face",
            ReasonCode.JournalNeedsMasksHeld => $"{subject} {Verb("needs", "need")} masks and {Verb("waits", "wait")} for your release, as the setting chose",
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
