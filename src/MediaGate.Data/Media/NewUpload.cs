namespace MediaGate.Data.Media;

/// <summary>
/// Everything an accepted upload writes in one transaction: the observation, its items (their files already
/// durable in the master store), a work queue entry per item, and the idempotency key when the tablet sent one.
/// </summary>
/// <param name="Observation">The observation.</param>
/// <param name="Items">Its items, status <see cref="MediaStatus.Processing"/>.</param>
/// <param name="WorkKind">The work queue kind for each item (its id is the media id).</param>
/// <param name="Idempotency">The tablet's key and the response, or null.</param>
/// <param name="Videos">The ids of the items that are videos: kind <c>video</c>, queued as <see cref="MediaKinds.VideoWork"/> (issue 14).</param>
public sealed record NewUpload(ObservationRecord Observation, IReadOnlyList<MediaItemRecord> Items, string WorkKind, IdempotencyRecord? Idempotency, IReadOnlyCollection<string>? Videos = null);
