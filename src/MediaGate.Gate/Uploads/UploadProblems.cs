using Microsoft.AspNetCore.Http;

namespace MediaGate.Gate.Uploads;

/// <summary>The refusals of an upload, as ProblemDetails' status, title and detail.</summary>
internal static class UploadProblems
{
    public static UploadResult Bad(string detail) => UploadResult.Refused(StatusCodes.Status400BadRequest, "Invalid upload", detail);

    public static UploadResult Unsupported(string detail) => UploadResult.Refused(StatusCodes.Status415UnsupportedMediaType, "Not a supported image", detail);

    public static UploadResult TooLarge(string detail) => UploadResult.Refused(StatusCodes.Status413PayloadTooLarge, "Upload too large", detail);
}
