namespace MediaGate.Data.Media;

/// <summary>What <see cref="IMediaRepository.AddUploadAsync"/> did.</summary>
/// <param name="Stored">True when this upload was written; false when its idempotency key was already taken (nothing written).</param>
/// <param name="Existing">The key's earlier record when <paramref name="Stored"/> is false.</param>
public sealed record UploadOutcome(bool Stored, IdempotencyRecord? Existing);
