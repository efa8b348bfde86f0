namespace MediaGate.Data.Media;

/// <summary>
/// The manager console's lists beside the review queue (issue 12, section 2): items newest first (the released
/// photos offered for website and publicity approval) and the certain detections someone dismissed as not a face
/// (the spot checks). Reads only; bounded by the caller's limit.
/// </summary>
public interface IReviewListRepository
{
    /// <summary>
    /// Items with one of the statuses, newest first (by upload time, then id); with <paramref name="before"/>, only
    /// those after that item in this order (the next page). An unknown <paramref name="before"/> gives an empty page.
    /// </summary>
    Task<IReadOnlyList<MediaItemRecord>> ItemsNewestFirstAsync(
        IReadOnlyCollection<MediaStatus> statuses, int limit, string? before, CancellationToken cancellationToken = default);

    /// <summary>Faces marked <c>not-a-face</c> whose detection was certain (not faint), most recently dismissed first.</summary>
    Task<IReadOnlyList<FaceRecord>> DismissedCertainFacesAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>One face of one item; null when the item has no such face.</summary>
    Task<FaceRecord?> FindFaceAsync(string mediaId, string faceId, CancellationToken cancellationToken = default);
}
