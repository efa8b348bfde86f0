using System.Text.Json;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Faces;

/// <summary>
/// The detail of a <c>not-a-face</c> audit event: <c>{"mediaId", "faceId", "number", "score", "strength": "certain" |
/// "faint", "device"?}</c>. Shared by the tablet and the manager's review, so the console can list dismissals of
/// certain detections from either.
/// </summary>
public static class NotAFaceAudit
{
    public static string Detail(FaceRecord face, string? device)
    {
        ArgumentNullException.ThrowIfNull(face);
        return JsonSerializer.Serialize(new
        {
            mediaId = face.MediaId,
            faceId = face.FaceId,
            number = face.Number,
            score = Math.Round(face.Score, 4),
            strength = face.Uncertain ? "faint" : "certain",
            device,
        });
    }
}
