namespace MediaGate.Gate.Review;

/// <summary>
/// An item in the manager's review (api.md, <c>GET /api/manager/review</c>): held or blocked (or, in the
/// <c>publishable</c> view, released), with reasons, faces, assignments and a summary in plain words.
/// </summary>
/// <param name="MediaId">The item.</param>
/// <param name="Status">held, needs-assignment, blocked, or (after a decision) any other status.</param>
/// <param name="StatusDetail">Why, in words, when processing said.</param>
/// <param name="ReceivedAt">When the upload was accepted.</param>
/// <param name="Width">The master's width.</param>
/// <param name="Height">The master's height.</param>
/// <param name="TaggedChildren">The children staff tagged.</param>
/// <param name="Faces">The faces and whose they are.</param>
/// <param name="Decisions">Per purpose and audience.</param>
/// <param name="ManagerActions">The manager's latest action per purpose, e.g. <c>{"website": "release"}</c>.</param>
/// <param name="Summary">In plain words, per purpose: released, held (why, and who can act: the practitioner on the
/// tablet or the manager here) or blocked (<see cref="ItemSummary"/>), e.g. "Released to Ava's family's journal.
/// Website and publicity: not approved."</param>
/// <param name="Kind"><c>photo</c> or <c>video</c>: a video's faces are its tracks, and its master plays.</param>
public sealed record ReviewQueueItem(
    string MediaId,
    string Status,
    string? StatusDetail,
    DateTimeOffset ReceivedAt,
    int? Width,
    int? Height,
    IReadOnlyList<string> TaggedChildren,
    IReadOnlyList<ReviewFace> Faces,
    IReadOnlyList<ReviewDecisionView> Decisions,
    IReadOnlyDictionary<string, string> ManagerActions,
    string Summary,
    string Kind = "photo");
