namespace MediaGate.Gate.Uploads;

/// <summary>A tablet's upload as the endpoint hands it over: who sends it, its headers, its unread body.</summary>
/// <param name="DeviceId">The tablet (token claim <c>device</c>).</param>
/// <param name="StaffId">The staff member signed in on it (token claim <c>sub</c>).</param>
/// <param name="ContentType">The request's Content-Type (must be multipart/form-data with a boundary).</param>
/// <param name="ContentLength">The request's Content-Length, when it sent one.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header, when it sent one.</param>
/// <param name="Body">The request body, read once, section by section.</param>
public sealed record UploadRequest(string DeviceId, string StaffId, string? ContentType, long? ContentLength, string? IdempotencyKey, Stream Body);
