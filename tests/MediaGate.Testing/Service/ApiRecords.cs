using System.Text.Json;

namespace MediaGate.Testing.Service;

// The shapes of api.md's answers, as the tests read them (camelCase JSON).

/// <summary><c>POST /api/session</c>: 200 {token, role}.</summary>
internal sealed record SessionAnswer(string Token, string? Role);

/// <summary>201 {id}.</summary>
internal sealed record CreatedAnswer(string Id);

/// <summary><c>POST /api/manager/devices</c>: 201 {deviceId, deviceSecret}.</summary>
internal sealed record DeviceRegistration(string DeviceId, string DeviceSecret);

/// <summary><c>POST /api/manager/website-keys</c>: 201 {key}.</summary>
internal sealed record WebsiteKeyAnswer(string Key);

/// <summary><c>POST /api/tablet/observations</c>: 202 {observationId, items}.</summary>
internal sealed record UploadReceipt(string ObservationId, IReadOnlyList<UploadedItem> Items);

/// <summary>One accepted file; the receipt's own shape is the service's choice.</summary>
internal sealed record UploadedItem(string MediaId, string Sha256, JsonElement Receipt);

/// <summary><c>GET /api/parent/media</c>: one entry (README adds status <c>released</c>/<c>checking</c>, purpose <c>journal</c>/<c>events</c> and recheck <c>again</c>).</summary>
internal sealed record ParentMediaEntry(string MediaId, string ChildId, JsonElement TakenAt, string? Note, string? Status = null, string? Purpose = null, string? Recheck = null);

/// <summary><c>GET /api/manager/events</c>: one event.</summary>
internal sealed record EventEntry(string Id, string Name, string Date, IReadOnlyList<string> Attendees);

/// <summary><c>GET /api/website/photos</c>: one entry.</summary>
internal sealed record WebsitePhoto(string Id, string Url, int Width, int Height);

/// <summary>A file to upload.</summary>
internal sealed record UploadFile(string FileName, byte[] Bytes, string ContentType = "image/jpeg")
{
    public static UploadFile FromPath(string path) =>
        new(Path.GetFileName(path), File.ReadAllBytes(path), path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg");
}

/// <summary>
/// A detected face as the tablet sees it (<c>GET /api/tablet/observations/{id}</c>); the face id is kept as sent
/// (string or number), so it goes back unchanged in an assignment.
/// </summary>
internal sealed record FaceView(JsonElement FaceId, double X, double Y, double W, double H, double Score, string? ChildId);

/// <summary>An item's state as the tablet sees it (README adds recheck <c>again</c>: a consent change sent it back to be checked).</summary>
internal sealed record ItemView(string MediaId, string Status, IReadOnlyList<FaceView> Faces, string? Recheck = null)
{
    /// <summary>api.md statuses other than <c>processing</c>: the worker has decided.</summary>
    public bool IsDecided => Status != "processing";
}

/// <summary>One face assignment in <c>PUT /api/tablet/media/{id}/faces</c> and the manager's decision.</summary>
internal sealed record FaceAssignmentBody(JsonElement FaceId, string? ChildId);
