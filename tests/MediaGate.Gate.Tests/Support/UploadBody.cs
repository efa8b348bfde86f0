using System.Net.Http.Headers;
using System.Text.Json;
using MediaGate.Consent.People;
using MediaGate.Gate.Uploads;

namespace MediaGate.Gate.Tests.Support;

/// <summary>Builds a tablet's multipart upload the way an HTTP client sends it, as a request for <see cref="AcceptUpload"/>.</summary>
internal sealed class UploadBody
{
    private readonly List<(string Name, byte[] Bytes)> _files = [];

    public IReadOnlyList<ChildId> Children { get; init; } = [];

    public string? Note { get; init; } = "Painting at the easel";

    public string? CapturedAt { get; init; } = "2026-11-30T09:15:00Z";

    public string? ChildrenText { get; init; }

    /// <summary>The form field <c>eventId</c>; not sent when null.</summary>
    public string? EventId { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>More text fields, sent after the known ones (fields a newer tablet might add).</summary>
    public IReadOnlyList<(string Name, string Value)> ExtraFields { get; init; } = [];

    public string DeviceId { get; init; } = "tablet-robins";

    public string StaffId { get; init; } = "staff-anna";

    public UploadBody File(string path) => File(Path.GetFileName(path), System.IO.File.ReadAllBytes(path));

    public UploadBody File(string name, byte[] bytes)
    {
        _files.Add((name, bytes));
        return this;
    }

    public async Task<UploadRequest> RequestAsync()
    {
        using var form = new MultipartFormDataContent("mediagate-test-boundary");
        foreach (var (name, bytes) in _files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        form.Add(new StringContent(ChildrenText ?? JsonSerializer.Serialize(Children.Select(c => c.Value))), "children");
        if (Note is not null)
        {
            form.Add(new StringContent(Note), "note");
        }

        if (CapturedAt is not null)
        {
            form.Add(new StringContent(CapturedAt), "capturedAt");
        }

        if (EventId is not null)
        {
            form.Add(new StringContent(EventId), "eventId");
        }

        foreach (var (name, value) in ExtraFields)
        {
            form.Add(new StringContent(value), name);
        }

        var body = new MemoryStream();
        await form.CopyToAsync(body);
        body.Position = 0;
        return new UploadRequest(DeviceId, StaffId, form.Headers.ContentType!.ToString(), body.Length, IdempotencyKey, body);
    }
}
