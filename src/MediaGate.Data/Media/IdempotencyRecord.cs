namespace MediaGate.Data.Media;

/// <summary>
/// A tablet's <c>Idempotency-Key</c> and what its first request got, so that a retry gets the same answer and
/// stores nothing new (api.md: "the same key twice stores once and returns the same result").
/// </summary>
/// <param name="DeviceId">Keys are per device: two tablets may use the same key.</param>
/// <param name="Key">The header's value (up to 128 printable ASCII characters).</param>
/// <param name="Fingerprint">A hash of the request's content (files, children, note, time), to tell a retry from a reuse.</param>
/// <param name="ObservationId">The observation the first request created.</param>
/// <param name="ResponseJson">The 202 body the first request got.</param>
/// <param name="CreatedAt">When.</param>
public sealed record IdempotencyRecord(string DeviceId, string Key, string Fingerprint, string ObservationId, string ResponseJson, DateTimeOffset CreatedAt);
