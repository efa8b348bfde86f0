namespace MediaGate.Data.Media;

/// <summary>What <see cref="IMediaRepository.AddUploadAsync"/> did.</summary>
/// <param name="Stored">True when this upload was written; false when its idempotency key was already taken (nothing written).</param>
/// <param name="Existing">The key's earlier record when <paramref name="Stored"/> is false because of the key.</param>
/// <param name="OriginalsSwept">
/// True (and nothing written) when an original's pending-deletion entry was missing or claimed: the upload outlived
/// <c>Gate:Retention:AbandonedUploadSeconds</c> and a sweep is deleting its objects.
/// </param>
public sealed record UploadOutcome(bool Stored, IdempotencyRecord? Existing, bool OriginalsSwept = false);
