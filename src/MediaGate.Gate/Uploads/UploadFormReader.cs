using System.Text;
using MediaGate.Gate.Outcomes;
using MediaGate.Ingest.Sniff;
using MediaGate.Ingest.Video;
using MediaGate.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MediaGate.Gate.Uploads;

/// <summary>
/// Reads an upload's multipart body section by section, never whole: the request is counted against
/// <c>Gate:MaxUploadBytes</c> as it is read; each file is sniffed from its first bytes (a non-image is refused
/// before anything of it is stored), then streamed into the master store (or, for a repeated
/// <c>Idempotency-Key</c>, only hashed) with its SHA-256 computed and <c>Ingest:Limits:MaxBytes</c> enforced on the
/// way; the same bytes twice are kept once. At most <see cref="MaxFields"/> text fields are read, each up to
/// <see cref="MaxFieldBytes"/> into one buffer (300,000 tiny fields would otherwise cost seconds of CPU). Each original is written down
/// (<see cref="UploadOriginals"/>) before it is stored. A request that carries a clip may grow to <c>maxVideoUploadBytes</c>
/// (<see cref="AcceptUpload.VideoRequestBytes"/>) from the moment the clip's first bytes are sniffed; one of photos only keeps
/// <c>Gate:MaxUploadBytes</c>.
/// </summary>
internal sealed class UploadFormReader(
    IObjectStore master, UploadOriginals originals, long maxUploadBytes, int maxFiles, long maxFileBytes, long maxVideoBytes, long maxVideoUploadBytes)
{
    private CountingReadStream? _body;

    /// <summary>Text fields per upload (the tablet sends four; newer tablets may add a few).</summary>
    public const int MaxFields = 16;

    /// <summary>Bytes per text field: a 4,000-character note in UTF-8, or 200 child ids, fit.</summary>
    public const int MaxFieldBytes = 16 * 1024;

    /// <summary>The boundary of a multipart/form-data Content-Type, or null when it is not one.</summary>
    public static string? BoundaryOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(parsed.Boundary).Value is { Length: > 0 and <= 200 } boundary
            ? boundary
            : null;

    public async Task<GateProblem?> ReadAsync(Stream requestBody, string boundary, ReceivedForm form, bool store, CancellationToken cancellationToken)
    {
        var body = new CountingReadStream(requestBody, maxUploadBytes, "The upload");
        _body = body;
        var reader = new MultipartReader(boundary, body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fieldBuffer = new byte[MaxFieldBytes + 1];
        int fields = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                return UploadProblems.Bad("Every part of the upload needs a form-data Content-Disposition.");
            }

            string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (form.Sent.Count == maxFiles)
                {
                    return UploadProblems.Bad($"An upload holds at most {maxFiles} files.");
                }

                string fileName = HeaderUtilities.RemoveQuotes(disposition.FileName.HasValue ? disposition.FileName : disposition.FileNameStar).Value ?? "";
                var refused = await ReceiveFileAsync(section.Body, fileName, form, store, seen, cancellationToken).ConfigureAwait(false);
                if (refused is not null)
                {
                    return refused;
                }

                continue;
            }

            if (++fields > MaxFields)
            {
                return UploadProblems.Bad($"An upload holds at most {MaxFields} form fields besides its files.");
            }

            string? value = await ReadFieldAsync(section.Body, fieldBuffer, cancellationToken).ConfigureAwait(false);
            if (value is null)
            {
                return UploadProblems.Bad($"The field '{name}' is longer than {MaxFieldBytes} bytes.");
            }

            switch (name)
            {
                case "children":
                    form.Children = value;
                    break;
                case "note":
                    form.Note = value;
                    break;
                case "capturedAt":
                    form.CapturedAt = value;
                    break;
                case "eventId":
                    form.EventId = value;
                    break;
                default:
                    // Fields added by newer tablets are read (bounded) and ignored.
                    break;
            }
        }

        return null;
    }

    private async Task<GateProblem?> ReceiveFileAsync(
        Stream section, string fileName, ReceivedForm form, bool store, HashSet<string> seen, CancellationToken cancellationToken)
    {
        // The first bytes decide whether this is an image at all, before any of it is stored.
        var head = new byte[ImageSignature.BytesNeeded];
        int headLength = await section.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var first = head.AsSpan(0, headLength);
        if (headLength == 0)
        {
            return UploadProblems.Unsupported($"The file '{fileName}' is empty.");
        }

        if (ImageSignature.RefusedFormat(first) is { } refusedFormat)
        {
            return UploadProblems.Unsupported($"The file '{fileName}' is a {refusedFormat}, which MediaGate does not accept.");
        }

        // Issue 14: an MP4/MOV is a video, sniffed like an image; its own size limit is Video:Limits:MaxBytes.
        bool video = ImageSignature.Recognise(first) is null && VideoSignature.IsVideo(first);
        if (ImageSignature.Recognise(first) is null && !video)
        {
            return UploadProblems.Unsupported($"The file '{fileName}' is not a supported image (JPEG, PNG, WebP, HEIF/HEIC or TIFF) or video (MP4 or MOV).");
        }

        if (video && _body is { } body)
        {
            // A legal clip must not be cut off by the photo request's cap; the clip itself stays bounded by maxVideoBytes.
            body.Limit = Math.Max(body.Limit, maxVideoUploadBytes);
        }

        string mediaId = Guid.NewGuid().ToString("N");
        using var file = new UploadedFileStream(head.AsMemory(0, headLength), section, video ? maxVideoBytes : maxFileBytes, fileName);
        ObjectKey? key = null;
        if (store)
        {
            key = ObjectKey.Parse("uploads/" + mediaId);
            // Written down before the first byte is stored: if this process dies mid-upload, a sweep finds the object.
            await originals.RecordAsync(key, cancellationToken).ConfigureAwait(false);
            form.Stored.Add(new ReceivedFile(mediaId, key.Value, fileName, "", 0));
            await master.PutAsync(key, file, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await file.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var received = new ReceivedFile(mediaId, key?.Value, fileName, file.Sha256(), file.BytesRead, video);
        form.Sent.Add(received);
        if (!store)
        {
            return null;
        }

        form.Stored.RemoveAt(form.Stored.Count - 1);
        if (!seen.Add(received.Sha256))
        {
            // The same bytes twice in one observation: stored once (issue 7, section 3).
            await master.DeleteAsync(key!, CancellationToken.None).ConfigureAwait(false);
            await originals.ForgetAsync(key!).ConfigureAwait(false);
            return null;
        }

        form.Stored.Add(received);
        return null;
    }

    private static async Task<string?> ReadFieldAsync(Stream section, byte[] buffer, CancellationToken cancellationToken)
    {
        int length = await section.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (length > MaxFieldBytes)
        {
            return null;
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
