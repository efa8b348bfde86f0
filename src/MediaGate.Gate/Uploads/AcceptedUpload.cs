namespace MediaGate.Gate.Uploads;

/// <summary>What <see cref="AcceptUpload"/> answers for a durable upload.</summary>
/// <param name="Receipt">The receipt, new or the one stored for the same <c>Idempotency-Key</c>.</param>
/// <param name="Replayed">True when the receipt is the stored answer to an earlier request with the same key (nothing new stored).</param>
public sealed record AcceptedUpload(UploadReceipt Receipt, bool Replayed);
