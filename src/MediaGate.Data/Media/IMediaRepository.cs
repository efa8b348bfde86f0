using MediaGate.Consent.People;

namespace MediaGate.Data.Media;

/// <summary>
/// Observations, their media items and faces (issue 7, sections 3 and 6). Writes that belong together are one
/// transaction each, and every write the worker makes can be repeated with the same effect (a node may die
/// after its effects but before it completes the work item).
/// </summary>
public interface IMediaRepository
{
    /// <summary>
    /// Writes the observation, its items and tags, a work queue entry per item and the idempotency key in one
    /// transaction. When the key is already taken (another request with it won), nothing is written and the
    /// earlier record comes back.
    /// </summary>
    Task<UploadOutcome> AddUploadAsync(NewUpload upload, CancellationToken cancellationToken = default);

    /// <summary>The device's earlier request with this key, or null.</summary>
    Task<IdempotencyRecord?> FindIdempotencyAsync(string deviceId, string key, CancellationToken cancellationToken = default);

    Task<ObservationRecord?> FindObservationAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The staff member's observations, most recently received first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ObservationRecord>> ObservationsOfStaffAsync(string staffId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The observation's items in upload order.</summary>
    Task<IReadOnlyList<MediaItemRecord>> ItemsOfObservationAsync(string observationId, CancellationToken cancellationToken = default);

    Task<MediaItemRecord?> FindItemAsync(string mediaId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the processed master and the faces found on it, in one transaction. Faces are stored only the
    /// first time (a second run keeps the first run's faces, ids and assignments); the stored faces come back.
    /// </summary>
    Task<IReadOnlyList<FaceRecord>> RecordMasterAsync(
        string mediaId, string masterKey, int width, int height, IReadOnlyList<DetectedFaceRecord> faces, CancellationToken cancellationToken = default);

    /// <summary>Sets the item's status; false when there is no such item.</summary>
    Task<bool> SetStatusAsync(string mediaId, MediaStatus status, string? detail, CancellationToken cancellationToken = default);

    /// <summary>The item's faces in number order.</summary>
    Task<IReadOnlyList<FaceRecord>> FacesAsync(string mediaId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies the assignments in one transaction; false (nothing changed) when a face id is not one of the
    /// item's faces or a child id is not a known child.
    /// </summary>
    Task<bool> AssignFacesAsync(
        string mediaId, IReadOnlyList<FaceAssignmentChange> changes, string assignedBy, DateTimeOffset assignedAt, CancellationToken cancellationToken = default);

    /// <summary>Items with one of the statuses, oldest first (the manager's review queue: held and blocked).</summary>
    Task<IReadOnlyList<MediaItemRecord>> ItemsWithStatusAsync(IReadOnlyCollection<MediaStatus> statuses, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many items are in each status (statuses with none are left out).</summary>
    Task<IReadOnlyDictionary<MediaStatus, long>> CountByStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The journal of the given children, newest first: items tagged with one of them that have a journal
    /// rendition for that child's parents (a rendition exists only while the decision releases it).
    /// </summary>
    Task<IReadOnlyList<JournalEntry>> JournalOfAsync(IReadOnlyCollection<ChildId> children, CancellationToken cancellationToken = default);
}
