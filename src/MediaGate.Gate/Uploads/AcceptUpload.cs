using System.Globalization;
using System.Text.Json;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Gate.Children;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Data.Retention;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Retention;
using MediaGate.Ingest;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MediaGate.Data.Events;

namespace MediaGate.Gate.Uploads;

/// <summary>
/// Accepts a tablet's observation (issue 7, section 3; api.md <c>POST /api/tablet/observations</c>). The body is
/// read section by section, never whole (<see cref="UploadFormReader"/>): each file is sniffed from its first bytes
/// (a non-image is refused as unsupported before anything of it is stored), then streamed into the master store
/// (encrypted) as the upload original while its SHA-256 is computed; the same bytes twice in one observation
/// are stored once. Only then are the observation, its items, their work queue entries and the idempotency key written in one
/// transaction, and only after that is the receipt returned: a receipt means the upload is durable.
/// Refusals (<see cref="Outcomes.GateProblemKind"/>): invalid for a malformed form or field, an unknown child, a bad <c>Idempotency-Key</c>;
/// too large (request or file); unsupported media when not multipart, or for a file that is not a supported image; unprocessable for an <c>Idempotency-Key</c> reused for
/// different content, an <c>eventId</c> that names no event (README), or an <c>eventId</c> whose event a tagged child did
/// not attend (issue 12, section 0: events consent covers the events a child attended); unavailable when the master store is, or the
/// upload outlived <c>Gate:Retention:AbandonedUploadSeconds</c>.
/// Whatever is refused, nothing of it stays stored; and because each original is written down in the database before
/// it is stored (<see cref="UploadOriginals"/>) and the committing transaction removes that entry, an upload cut short
/// by a killed process is found and deleted by the retention sweep (<see cref="Retention.RetentionSweep"/>).
/// </summary>
public sealed class AcceptUpload(
    IMediaRepository mediaRecords,
    IAuditLog auditLog,
    IChildRepository childRecords,
    IEventRepository eventRecords,
    IPendingDeletions pendingDeletions,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore master,
    IOptions<GateOptions> gateOptions,
    IOptions<IngestOptions> ingestOptions,
    IOptions<RetentionOptions> retentionOptions,
    TimeProvider time,
    ChildrenWhoLeft childrenWhoLeft,
    GateMetrics metrics,
    ILogger<AcceptUpload> logger,
    IOptions<Ingest.Video.VideoLimits>? videoLimits = null)
{
    /// <summary>The work queue kind of an accepted item.</summary>
    public const string WorkKind = "process";

    /// <summary>Bytes a clip's request may hold beside the clip: its part headers, the text fields (16 of at most 16 KiB) and the boundaries.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    private const int MaxNoteLength = Parents.FamilyNotes.MaxNoteLength;
    private const int MaxChildren = Parents.FamilyNotes.MaxTaggedChildren;

    /// <summary>How far ahead of the service's clock a tablet's capture time may be.</summary>
    private static readonly TimeSpan CaptureClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The earliest capture time believed: later than the dates a device with a reset clock reports (1970, 1980, 2000).
    /// Fixed rather than relative to the upload, because tablets read the time from the file, and a photo copied onto a
    /// tablet may be years old; no enrolment date is kept to bound it by the child.
    /// </summary>
    private static readonly DateTimeOffset OldestCapture = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly GateOptions _gate = gateOptions.Value;
    private readonly long _maxFileBytes = ingestOptions.Value.Limits.MaxBytes;
    private readonly long _maxVideoBytes = (videoLimits?.Value ?? new Ingest.Video.VideoLimits()).MaxBytes;
    private readonly long _maxVideoUploadBytes = VideoRequestBytes(gateOptions.Value, (videoLimits?.Value ?? new Ingest.Video.VideoLimits()).MaxBytes);
    private readonly UploadOriginals _originals = new(pendingDeletions, time, retentionOptions.Value.AbandonedUploadAfter);

    /// <summary>
    /// The most bytes any upload request may hold (the server's own body limit is set to it): a request of photos is refused
    /// above <c>Gate:MaxUploadBytes</c> while it is read, one with a clip above <see cref="VideoRequestBytes"/>.
    /// </summary>
    public long LargestRequestBytes => Math.Max(_gate.MaxUploadBytes, _maxVideoUploadBytes);

    /// <summary>
    /// The request cap of an upload that carries a clip: one clip at <c>Video:Limits:MaxBytes</c> plus the form around it, or
    /// <c>Gate:MaxUploadBytes</c> when that is larger. Derived, so raising the clip limit never leaves a legal clip refused at the request.
    /// </summary>
    public static long VideoRequestBytes(GateOptions gate, long maxVideoBytes)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return Math.Max(gate.MaxUploadBytes, maxVideoBytes + FormOverheadBytes);
    }

    public async Task<GateOutcome<AcceptedUpload>> AcceptAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IdempotencyKey is not null && !IdempotencyKeys.IsValid(request.IdempotencyKey))
        {
            return UploadProblems.Bad($"Idempotency-Key must be 1 to {IdempotencyKeys.MaxLength} printable ASCII characters.");
        }

        if (UploadFormReader.BoundaryOf(request.ContentType) is not { } boundary)
        {
            return GateProblem.UnsupportedMedia("Unsupported content type",
                "An observation is uploaded as multipart/form-data with a boundary.");
        }

        // A declared length is checked against the largest cap (a clip's); a photo request is held to its own cap while it is read.
        if (request.ContentLength > LargestRequestBytes)
        {
            return UploadProblems.TooLarge($"The upload is larger than {LargestRequestBytes} bytes.");
        }

        // A key seen before: the body is read only to tell a retry from a reuse, and nothing is stored.
        var earlier = request.IdempotencyKey is { } key
            ? await mediaRecords.FindIdempotencyAsync(request.DeviceId, key, cancellationToken).ConfigureAwait(false)
            : null;
        var form = new ReceivedForm();
        try
        {
            var reader = new UploadFormReader(master, _originals, _gate.MaxUploadBytes, _gate.MaxFilesPerUpload, _maxFileBytes, _maxVideoBytes, _maxVideoUploadBytes);
            var refused = await reader.ReadAsync(request.Body, boundary, form, store: earlier is null, cancellationToken).ConfigureAwait(false);
            if (refused is not null)
            {
                await DeleteAsync(form).ConfigureAwait(false);
                return refused;
            }

            var result = await FinishAsync(request, form, earlier, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                await DeleteAsync(form).ConfigureAwait(false);
            }

            return result;
        }
        catch (UploadTooLargeException e)
        {
            await DeleteAsync(form).ConfigureAwait(false);
            return UploadProblems.TooLarge(e.Message + ".");
        }
        catch (ObjectStoreException e)
        {
            await DeleteAsync(form).ConfigureAwait(false);
            logger.LogError(e, "The master store refused an upload from device {Device}", request.DeviceId);
            return UploadProblems.Unavailable("Storage unavailable",
                "The upload could not be stored; nothing was kept. Try again later.");
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !Worker.Outages.IsOutOfSpace(e))
        {
            // A malformed multipart body, or the client went away mid-upload.
            await DeleteAsync(form).ConfigureAwait(false);
            return UploadProblems.Bad("The multipart body could not be read: " + e.Message);
        }
        catch
        {
            await DeleteAsync(form).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<GateOutcome<AcceptedUpload>> FinishAsync(UploadRequest request, ReceivedForm form, IdempotencyRecord? earlier, CancellationToken cancellationToken)
    {
        if (form.Sent.Count == 0)
        {
            return UploadProblems.Bad("An upload needs at least one file in 'files'.");
        }

        if (form.Note is { Length: > MaxNoteLength })
        {
            return UploadProblems.Bad($"The note is longer than {MaxNoteLength} characters.");
        }

        // Line breaks and tabs are text; other control characters are not (and PostgreSQL refuses U+0000 in TEXT).
        if (form.Note is { } note && note.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            return UploadProblems.Bad("The note holds control characters.");
        }

        if (!TryParseCapturedAt(form.CapturedAt, out var capturedAt))
        {
            return UploadProblems.Bad("capturedAt must be an ISO 8601 date and time, e.g. 2026-03-02T10:15:00Z.");
        }

        if (capturedAt is { } taken && CapturedAtProblem(taken, time.GetUtcNow()) is { } timeProblem)
        {
            return timeProblem;
        }

        var (children, childProblem) = await ParseChildrenAsync(form.Children, cancellationToken).ConfigureAwait(false);
        if (childProblem is not null)
        {
            return childProblem;
        }

        string? eventId = string.IsNullOrWhiteSpace(form.EventId) ? null : form.EventId.Trim();
        var recorded = eventId is not null && Identifiers.IsGenerated(eventId) ? await eventRecords.FindAsync(eventId, cancellationToken).ConfigureAwait(false) : null;
        if (eventId is not null && recorded is null)
        {
            return GateProblem.Unprocessable("Unknown event",
                "eventId names no event of this setting; nothing was stored. The manager records events first.");
        }

        // Issue 12, section 0: a child tagged at an event they did not attend would reach the attendees' families.
        if (recorded is not null && children.Where(c => !recorded.Attendees.Contains(c)).Select(c => c.Value).ToArray() is { Length: > 0 } absent)
        {
            return GateProblem.Unprocessable("Tagged child did not attend the event",
                $"These tagged children are not on the event's attendee list: {string.Join(", ", absent.Take(5))}. Nothing was stored. " +
                "Tag only children who attended, or upload without the event.");
        }

        string fingerprint = UploadFingerprint.Of(form.Sent.Select(f => f.Sha256), children.Select(c => c.Value), form.Note, form.CapturedAt, eventId);
        if (earlier is not null)
        {
            return Replay(earlier, fingerprint);
        }

        DateTimeOffset now = time.GetUtcNow();
        string observationId = Guid.NewGuid().ToString("N");
        var receipt = new UploadReceipt(observationId, form.Stored.Select(f => new UploadReceiptItem(
            f.MediaId, f.Sha256, string.Create(CultureInfo.InvariantCulture, $"stored:{f.Sha256}@{now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}"))).ToArray());
        var observation = new ObservationRecord(observationId, request.DeviceId, request.StaffId, capturedAt ?? now, now, form.Note, children, eventId);
        var items = form.Stored.Select((f, i) => new MediaItemRecord(f.MediaId, observationId, i, f.Sha256, f.Length, f.Key!, null, null, null,
            MediaStatus.Processing, null, now, now, children)).ToArray();
        var idempotency = request.IdempotencyKey is { } key
            ? new IdempotencyRecord(request.DeviceId, key, fingerprint, observationId, JsonSerializer.Serialize(receipt, Json), now)
            : null;

        var videos = form.Stored.Where(f => f.IsVideo).Select(f => f.MediaId).ToHashSet(StringComparer.Ordinal);
        var outcome = await mediaRecords.AddUploadAsync(new NewUpload(observation, items, WorkKind, idempotency, videos), cancellationToken).ConfigureAwait(false);
        if (outcome.OriginalsSwept)
        {
            // The upload took longer than Gate:Retention:AbandonedUploadSeconds and the sweep took its files as
            // abandoned: nothing is committed, and the tablet keeps its copy and tries again.
            logger.LogWarning("An upload from device {Device} outlived the abandoned-upload bound; refused", request.DeviceId);
            return UploadProblems.Unavailable("Upload took too long",
                "The upload took longer than the service waits for one; nothing was kept. Try again.");
        }

        if (!outcome.Stored)
        {
            // Another request with the same key committed first: this one's objects go, and it gets that one's answer.
            await DeleteAsync(form).ConfigureAwait(false);
            return Replay(outcome.Existing!, fingerprint);
        }

        metrics.UploadAccepted(items.Length);
        logger.LogInformation("Accepted observation {Observation} with {Items} item(s) from device {Device}", observationId, items.Length, request.DeviceId);
        await AuditAsync(request, observationId, items).ConfigureAwait(false);
        return new AcceptedUpload(receipt, Replayed: false);
    }

    private static GateOutcome<AcceptedUpload> Replay(IdempotencyRecord earlier, string fingerprint)
    {
        if (earlier.Fingerprint != fingerprint)
        {
            return GateProblem.Unprocessable("Idempotency-Key reused",
                "This Idempotency-Key was already used by this device for a different upload; use a new key for new content.");
        }

        var receipt = JsonSerializer.Deserialize<UploadReceipt>(earlier.ResponseJson, Json)
            ?? throw new InvalidDataException("A stored upload response is empty");
        return new AcceptedUpload(receipt, Replayed: true);
    }

    private async Task<(ChildId[] Children, GateProblem? Problem)> ParseChildrenAsync(string? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return ([], UploadProblems.Bad("The field 'children' (a JSON array of child ids) is missing."));
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
            return ([], UploadProblems.Bad($"'children' must be a JSON array of at most {MaxChildren} child ids."));
        }

        var known = (await childRecords.ListAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
        var unknown = ids.Where(id => !known.Contains(id)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            return ([], UploadProblems.Bad($"Unknown child id(s): {string.Join(", ", unknown.Take(5))}."));
        }

        // A child who has left is no longer photographed for the setting (README: staff tag "active children"); their
        // items are on the way to deletion (product.md, retention), so a new one is refused rather than kept (fail closed).
        var leftTagged = await childrenWhoLeft.AmongAsync(ids, cancellationToken).ConfigureAwait(false);
        if (leftTagged.Length > 0)
        {
            return ([], UploadProblems.Bad($"These children have left the setting and cannot be tagged: {string.Join(", ", leftTagged.Take(5))}."));
        }

        return (ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id => new ChildId(id)).ToArray(), null);
    }

    /// <summary>
    /// A photo cannot be taken after it arrives (a tablet's clock may be a little ahead: <see cref="CaptureClockSkew"/>),
    /// nor before <see cref="OldestCapture"/>. Refused, not
    /// clamped: a tablet with a wrong clock shows staff the refusal instead of filing photos under a made-up time.
    /// </summary>
    private static GateProblem? CapturedAtProblem(DateTimeOffset capturedAt, DateTimeOffset now)
    {
        if (capturedAt > now + CaptureClockSkew)
        {
            return UploadProblems.Bad($"capturedAt ({capturedAt:O}) is later than the upload; check the tablet's clock.");
        }

        if (capturedAt < OldestCapture)
        {
            return UploadProblems.Bad($"capturedAt ({capturedAt:O}) is before {OldestCapture:yyyy-MM-dd}; check the tablet's clock.");
        }

        return null;
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

    private async Task AuditAsync(UploadRequest request, string observationId, MediaItemRecord[] items)
    {
        try
        {
            var detail = JsonSerializer.Serialize(new { device = request.DeviceId, items = items.Select(i => new { mediaId = i.Id, sha256 = i.Sha256 }) }, Json);
            await auditLog.AppendAsync(new AuditEvent(request.StaffId, "upload", observationId, detail), CancellationToken.None).ConfigureAwait(false);
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
            var key = ObjectKey.Parse(file.Key!);
            try
            {
                await master.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ObjectStoreException e)
            {
                // Its pending-deletion entry stays: the retention sweep deletes the object when it is due.
                logger.LogWarning(e, "Could not delete the refused upload object {Key}", file.Key);
                continue;
            }

            try
            {
                await _originals.ForgetAsync(key).ConfigureAwait(false);
            }
            catch (System.Data.Common.DbException e)
            {
                // Harmless: when the entry falls due, the sweep deletes an object that is already gone.
                logger.LogWarning(e, "Could not forget the pending deletion of {Key}", file.Key);
            }
        }

        form.Stored.Clear();
    }
}
