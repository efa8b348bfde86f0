namespace MediaGate.Api.Endpoints;

/// <summary>
/// The multipart form of <c>POST /api/tablet/observations</c>, for the OpenAPI document only: the endpoint
/// streams the body section by section and never binds it.
/// </summary>
/// <param name="Files">One or more images (JPEG, PNG, WebP, HEIF/HEIC, TIFF).</param>
/// <param name="Children">A JSON array of the tagged children's ids.</param>
/// <param name="Note">Staff's note.</param>
/// <param name="CapturedAt">ISO 8601 date and time the photos were taken.</param>
public sealed record TabletUploadForm(IFormFileCollection Files, string Children, string? Note, string? CapturedAt);
