namespace MediaGate.Gate.Review;

/// <summary>An item in the manager's review (api.md, <c>GET /api/manager/review</c>): held or blocked, with reasons, faces and assignments.</summary>
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
    IReadOnlyDictionary<string, string> ManagerActions);
