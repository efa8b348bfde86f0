using System.Globalization;
using System.Text;
using System.Text.Json;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Ingest;
using MediaGate.Ingest.Sniff;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MediaGate.Gate.Uploads;

/// <summary>
/// Accepts a tablet's observation (issue 7, section 3; api.md <c>POST /api/tablet/observations</c>). The body is
/// read section by section, never whole: each file is sniffed from its first bytes (a non-image is refused
/// with 415 before anything of it is stored), then streamed into the master store (encrypted) as the upload
/// original while its SHA-256 is computed; the same bytes twice in one observation are stored once. Only
/// then are the observation, its items, their work queue entries and the idempotency key written in one
/// transaction, and only after that is the receipt returned: a 202 means the upload is durable.
/// Statuses: 400 malformed form or field, unknown child, bad <c>Idempotency-Key</c>; 413 too large (request or
/// file); 415 not multipart, or a file that is not a supported image; 422 an <c>Idempotency-Key</c> reused for
/// different content; 503 the master store is unavailable. Whatever is refused, nothing of it stays stored.
/// </summary>
public sealed class AcceptUpload(
    MediaGateDatabase database,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore master,
    IOptions<GateOptions> gateOptions,
    IOptions<IngestOptions> ingestOptions,
    TimeProvider time,
    GateMetrics metrics,
    ILogger<AcceptUpload> logger)
{
    /// <summary>The work queue kind of an accepted item.</summary>
    public const string WorkKind = "process";

    private const int MaxFieldBytes = 64 * 1024;
    private const int MaxNoteLength = 4000;
    private const int MaxChildren = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly GateOptions _gate = gateOptions.Value;
    private readonly long _maxFileBytes = ingestOptions.Value.Limits.MaxBytes;

    public async Task<UploadResult> AcceptAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IdempotencyKey is not null && !IdempotencyKeys.IsValid(request.IdempotencyKey))
        {
            return Bad($"Idempotency-Key must be 1 to {IdempotencyKeys.MaxLength} printable ASCII characters.");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return UploadResult.Refused(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                "An observation is uploaded as multipart/form-data with a boundary.");
        }

        if (request.ContentLength > _gate.MaxUploadBytes)
        {
            return TooLarge($"The upload is larger than {_gate.MaxUploadBytes} bytes.");
        }

        // A key seen before: the body is read only to tell a retry from a reuse, and nothing is stored.
        var earlier = request.IdempotencyKey is { } key
            ? await database.Media.FindIdempotencyAsync(request.DeviceId, key, cancellationToken).ConfigureAwait(false)
            : null;
        var form = new ReceivedForm();
        try
        {
            var refused = await ReadFormAsync(request, boundary, form, store: earlier is null, cancellationToken).ConfigureAwait(false);
            if (refused is not null)
            {
                await DeleteAsync(form).ConfigureAwait(false);
                return refused;
            }

            var result = await FinishAsync(request, form, earlier, cancellationToken).ConfigureAwait(false);
            if (result.Problem is not null)
            {
                await DeleteAsync(form).ConfigureAwait(false);
            }

            return result;
        }
        catch (UploadTooLargeException e)
        {
            await DeleteAsync(form).ConfigureAwait(false);
            return TooLarge(e.Message + ".");
        }
        catch (ObjectStoreException e)
        {
            await DeleteAsync(form).ConfigureAwait(false);
            logger.LogError(e, "The master store refused an upload from device {Device}", request.DeviceId);
            return UploadResult.Refused(StatusCodes.Status503ServiceUnavailable, "Storage unavailable",
                "The upload could not be stored; nothing was kept. Try again later.");
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // A malformed multipart body, or the client went away mid-upload.
            await DeleteAsync(form).ConfigureAwait(false);
            return Bad("The multipart body could not be read: " + e.Message);
        }
        catch
        {
            await DeleteAsync(form).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<UploadResult?> ReadFormAsync(UploadRequest request, string boundary, ReceivedForm form, bool store, CancellationToken cancellationToken)
    {
        var body = new CountingReadStream(request.Body, _gate.MaxUploadBytes, "The upload");
        var reader = new MultipartReader(boundary, body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                return Bad("Every part of the upload needs a form-data Content-Disposition.");
            }

            string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (form.Sent.Count == _gate.MaxFilesPerUpload)
                {
                    return Bad($"An upload holds at most {_gate.MaxFilesPerUpload} files.");
                }

                string fileName = HeaderUtilities.RemoveQuotes(disposition.FileName.HasValue ? disposition.FileName : disposition.FileNameStar).Value ?? "";
                var refused = await ReceiveFileAsync(section.Body, fileName, form, store, seen, cancellationToken).ConfigureAwait(false);
                if (refused is not null)
                {
                    return refused;
                }

                continue;
            }

            string? value = await ReadFieldAsync(section.Body, cancellationToken).ConfigureAwait(false);
            if (value is null)
            {
                return Bad($"The field '{name}' is longer than {MaxFieldBytes} bytes.");
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
                default:
                    // Fields added by newer tablets are read (bounded) and ignored.
                    break;
            }
        }

        return null;
    }

    private async Task<UploadResult?> ReceiveFileAsync(
        Stream section, string fileName, ReceivedForm form, bool store, HashSet<string> seen, CancellationToken cancellationToken)
    {
        // The first bytes decide whether this is an image at all, before any of it is stored.
        var head = new byte[ImageSignature.BytesNeeded];
        int headLength = await section.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var first = head.AsSpan(0, headLength);
        if (headLength == 0)
        {
            return Unsupported($"The file '{fileName}' is empty.");
        }

        if (ImageSignature.RefusedFormat(first) is { } refusedFormat)
        {
            return Unsupported($"The file '{fileName}' is a {refusedFormat}, which MediaGate does not accept.");
        }

        if (ImageSignature.Recognise(first) is null)
        {
            return Unsupported($"The file '{fileName}' is not a supported image (JPEG, PNG, WebP, HEIF/HEIC or TIFF).");
        }

        string mediaId = Guid.NewGuid().ToString("N");
        using var file = new UploadedFileStream(head.AsMemory(0, headLength), section, _maxFileBytes, fileName);
        ObjectKey? key = null;
        if (store)
        {
            key = ObjectKey.Parse("uploads/" + mediaId);
            form.Stored.Add(new ReceivedFile(mediaId, key.Value, fileName, "", 0));
            await master.PutAsync(key, file, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await file.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var received = new ReceivedFile(mediaId, key?.Value, fileName, file.Sha256(), file.BytesRead);
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
            return null;
        }

        form.Stored.Add(received);
        return null;
    }

    private async Task<UploadResult> FinishAsync(UploadRequest request, ReceivedForm form, IdempotencyRecord? earlier, CancellationToken cancellationToken)
    {
        if (form.Sent.Count == 0)
        {
            return Bad("An upload needs at least one file in 'files'.");
        }

        if (form.Note is { Length: > MaxNoteLength })
        {
            return Bad($"The note is longer than {MaxNoteLength} characters.");
        }

        if (!TryParseCapturedAt(form.CapturedAt, out var capturedAt))
        {
            return Bad("capturedAt must be an ISO 8601 date and time, e.g. 2026-03-02T10:15:00Z.");
        }

        var (children, childProblem) = await ParseChildrenAsync(form.Children, cancellationToken).ConfigureAwait(false);
        if (childProblem is not null)
        {
            return childProblem;
        }

        string fingerprint = UploadFingerprint.Of(form.Sent.Select(f => f.Sha256), children.Select(c => c.Value), form.Note, form.CapturedAt);
        if (earlier is not null)
        {
            return Replay(earlier, fingerprint);
        }

        DateTimeOffset now = time.GetUtcNow();
        string observationId = Guid.NewGuid().ToString("N");
        var receipt = new UploadReceipt(observationId, form.Stored.Select(f => new UploadReceiptItem(
            f.MediaId, f.Sha256, string.Create(CultureInfo.InvariantCulture, $"stored:{f.Sha256}@{now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}"))).ToArray());
        var observation = new ObservationRecord(observationId, request.DeviceId, request.StaffId, capturedAt ?? now, now, form.Note, children);
        var items = form.Stored.Select((f, i) => new MediaItemRecord(f.MediaId, observationId, i, f.Sha256, f.Length, f.Key!, null, null, null,
            MediaStatus.Processing, null, now, now, children)).ToArray();
        var idempotency = request.IdempotencyKey is { } key
            ? new IdempotencyRecord(request.DeviceId, key, fingerprint, observationId, JsonSerializer.Serialize(receipt, Json), now)
            : null;

        var outcome = await database.Media.AddUploadAsync(new NewUpload(observation, items, WorkKind, idempotency), cancellationToken).ConfigureAwait(false);
        if (!outcome.Stored)
        {
            // Another request with the same key committed first: this one's objects go, and it gets that one's answer.
            await DeleteAsync(form).ConfigureAwait(false);
            return Replay(outcome.Existing!, fingerprint);
        }

        metrics.UploadAccepted(items.Length);
        logger.LogInformation("Accepted observation {Observation} with {Items} item(s) from device {Device}", observationId, items.Length, request.DeviceId);
        await AuditAsync(request, observationId, items).ConfigureAwait(false);
        return UploadResult.Accepted(receipt, replayed: false);
    }

    private static UploadResult Replay(IdempotencyRecord earlier, string fingerprint)
    {
        if (earlier.Fingerprint != fingerprint)
        {
            return UploadResult.Refused(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                "This Idempotency-Key was already used by this device for a different upload; use a new key for new content.");
        }

        var receipt = JsonSerializer.Deserialize<UploadReceipt>(earlier.ResponseJson, Json)
            ?? throw new InvalidDataException("A stored upload response is empty");
        return UploadResult.Accepted(receipt, replayed: true);
    }

    private async Task<(ChildId[] Children, UploadResult? Problem)> ParseChildrenAsync(string? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return ([], Bad("The field 'children' (a JSON array of child ids) is missing."));
        }

        string[]? ids;
        try
        {
            ids = JsonSerializer.Deserialize<string[]>(text, Json);
        }
        catch (JsonException)
        {
            ids = null;
        }

        if (ids is null || ids.Any(string.IsNullOrWhiteSpace) || ids.Length > MaxChildren)
        {
            return ([], Bad($"'children' must be a JSON array of at most {MaxChildren} child ids."));
        }

        var known = (await database.Children.ListAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
        var unknown = ids.Where(id => !known.Contains(id)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            return ([], Bad($"Unknown child id(s): {string.Join(", ", unknown.Take(5))}."));
        }

        return (ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id => new ChildId(id)).ToArray(), null);
    }

    /// <summary>True with null when the tablet sent no time; false when what it sent is not an ISO 8601 date and time.</summary>
    private static bool TryParseCapturedAt(string? text, out DateTimeOffset? capturedAt)
    {
        capturedAt = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            capturedAt = parsed;
            return true;
        }

        return false;
    }

    private async Task<string?> ReadFieldAsync(Stream section, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        int length = await section.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (length > MaxFieldBytes)
        {
            return null;
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private async Task AuditAsync(UploadRequest request, string observationId, MediaItemRecord[] items)
    {
        try
        {
            var detail = JsonSerializer.Serialize(new { device = request.DeviceId, items = items.Select(i => new { mediaId = i.Id, sha256 = i.Sha256 }) }, Json);
            await database.Audit.AppendAsync(new AuditEvent(request.StaffId, "upload", observationId, detail), CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The upload is durable and committed: a failed audit append is logged, not turned into a refusal the tablet would retry.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Could not audit the upload of observation {Observation}", observationId);
        }
    }

    private async Task DeleteAsync(ReceivedForm form)
    {
        foreach (var file in form.Stored.Where(f => f.Key is not null))
        {
            try
            {
                await master.DeleteAsync(ObjectKey.Parse(file.Key!), CancellationToken.None).ConfigureAwait(false);
            }
            catch (ObjectStoreException e)
            {
                logger.LogWarning(e, "Could not delete the refused upload object {Key}", file.Key);
            }
        }

        form.Stored.Clear();
    }

    private static UploadResult Bad(string detail) => UploadResult.Refused(StatusCodes.Status400BadRequest, "Invalid upload", detail);

    private static UploadResult Unsupported(string detail) => UploadResult.Refused(StatusCodes.Status415UnsupportedMediaType, "Not a supported image", detail);

    private static UploadResult TooLarge(string detail) => UploadResult.Refused(StatusCodes.Status413PayloadTooLarge, "Upload too large", detail);
}
