using System.Security.Claims;
using MediaGate.Api.Identity;
using MediaGate.Data;
using MediaGate.Gate.Children;
using MediaGate.Gate.Faces;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Parents;
using MediaGate.Gate.Tablets;
using MediaGate.Gate.Uploads;
using MediaGate.Ingest;
using MediaGate.Ingest.Video;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// The tablets (api.md, Tablet; policy <see cref="Policies.Tablet"/>: a staff member signed in on a registered,
/// unrevoked device). Upload an observation, follow its items (and the staff member's recent ones), see a preview of
/// one's own upload, say whose the faces are, and read the children to tag. The handlers only translate HTTP: the use
/// cases (<see cref="AcceptUpload"/>, <see cref="ReadObservation"/>, <see cref="AssignFaces"/>, <see cref="TabletPreview"/>)
/// hold the rules.
/// </summary>
public static class TabletEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapTabletEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tablet").RequireAuthorization(Policies.Tablet).WithTags("Tablet");
        group.MapPost("/observations", UploadAsync).WithName("TabletUpload")
            .Accepts<TabletUploadForm>("multipart/form-data")
            .WithDescription("Multipart: files (one or more images), children (JSON array of child ids), note?, capturedAt?, eventId?; header Idempotency-Key " +
                "(1-128 printable ASCII). 202 once durable. 400 bad field or unknown child, 413 too large, 415 not multipart or not an image, " +
                "422 Idempotency-Key reused for different content or an eventId that names no event, 503 storage unavailable.");
        group.MapGet("/observations", ListObservationsAsync).WithName("TabletObservations");
        group.MapGet("/observations/{observationId}", GetObservationAsync).WithName("TabletObservation");
        group.MapPut("/media/{mediaId}/faces", AssignFacesAsync).WithName("TabletAssignFaces");
        group.MapGet("/media/{mediaId}/preview", GetPreviewAsync).WithName("TabletPreview").Produces(StatusCodes.Status200OK, contentType: "image/jpeg");
        group.MapGet("/children", ListChildrenAsync).WithName("TabletChildren");
        group.MapGet("/limits", GetLimits).WithName("TabletLimits");
        group.MapPost("/notes/preview", PreviewNoteAsync).WithName("TabletNotePreview");
        app.MapPost("/api/tablet/enrolment", CheckEnrolmentAsync).AllowAnonymous().WithTags("Tablet").WithName("TabletEnrolmentCheck");
        group.MapTabletEventEndpoints();
        return app;
    }

    /// <summary><c>POST /api/tablet/observations</c>: streamed, size-limited, idempotent upload; 202 with the receipt once durable.</summary>
    public static async Task<Results<Accepted<UploadReceipt>, ProblemHttpResult>> UploadAsync(
        HttpContext http, AcceptUpload accept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(accept);
        if (CallerOf(http.User) is not { } caller)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not a tablet", detail: "The token names no device or staff member.");
        }

        var keys = http.Request.Headers[IdempotencyKeyHeader];
        if (keys.Count > 1)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid upload", detail: "Send one Idempotency-Key header.");
        }

        // The server's own body limit (Kestrel: 30 MB by default) would cut a large upload off with a generic error;
        // the upload's limits (Gate:MaxUploadBytes, or a clip's request cap) are checked by the use case against Content-Length and while reading.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = accept.LargestRequestBytes + 1;
        }

        var outcome = await accept.AcceptAsync(
            new UploadRequest(caller.DeviceId, caller.StaffId, http.Request.ContentType, http.Request.ContentLength, keys.Count == 1 ? keys[0] : null, http.Request.Body),
            cancellationToken);
        return outcome.ToResult(accepted => TypedResults.Accepted($"/api/tablet/observations/{accepted.Receipt.ObservationId}", accepted.Receipt), http.Response);
    }

    /// <summary><c>GET /api/tablet/observations/{id}</c>: per item its status and faces (<c>faceId, x, y, w, h, score, childId</c>, plus
    /// <c>kind</c> and <c>faint</c>, with <c>uncertain</c> the same as <c>faint</c>).</summary>
    public static async Task<Results<Ok<ObservationView>, ProblemHttpResult>> GetObservationAsync(
        string observationId, ClaimsPrincipal user, ReadObservation read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var outcome = await read.FindAsync(observationId, CallerOf(user), cancellationToken);
        return outcome.ToResult(view => TypedResults.Ok(view));
    }

    /// <summary>
    /// <c>GET /api/tablet/observations?limit=20</c>: the signed-in staff member's own observations, most recently uploaded
    /// first, each as <c>GET /api/tablet/observations/{id}</c> shows it (with <c>uploadedAt</c>); limit 1 to 100.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<ObservationView>>, ProblemHttpResult>> ListObservationsAsync(
        ClaimsPrincipal user, [FromServices] ReadObservation read, CancellationToken cancellationToken, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        var outcome = await read.RecentAsync(CallerOf(user), limit, cancellationToken);
        return outcome.ToResult(views => TypedResults.Ok(views));
    }

    /// <summary>
    /// <c>GET /api/tablet/media/{mediaId}/preview</c>: the item's master as a JPEG of at most 1024 px, for the staff
    /// whom <see cref="StaffReadRule"/> allows (anyone else, or an item not processed yet: 404); never cached; audited.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPreviewAsync(
        string mediaId, HttpContext http, [FromServices] TabletPreview preview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(preview);
        http.Response.Headers.CacheControl = "private, no-store";
        if (CallerOf(http.User) is not { } caller || !Identifiers.IsGenerated(mediaId))
        {
            return NotFound("There is no such item.");
        }

        var jpeg = await preview.RenderAsync(mediaId, caller, cancellationToken);
        return jpeg is null ? NotFound("There is no such item.") : TypedResults.File(jpeg, "image/jpeg");
    }

    /// <summary><c>GET /api/tablet/children</c>: <c>[{"id", "name", "room"}]</c>, the children staff may tag, by name.</summary>
    public static async Task<Ok<IReadOnlyList<TabletChild>>> ListChildrenAsync([FromServices] ChildRegister children, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(children);
        return TypedResults.Ok(await children.ForTabletsAsync(cancellationToken));
    }

    /// <summary><c>GET /api/tablet/limits</c>: the service's clip and photo limits, which the tablet checks when a file is chosen.</summary>
    public static Ok<TabletLimits> GetLimits([FromServices] IOptions<VideoLimits> limits, [FromServices] IOptions<IngestOptions> ingest)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(ingest);
        return TypedResults.Ok(TabletLimits.From(limits.Value, ingest.Value.Limits));
    }

    /// <summary>
    /// <c>PUT /api/tablet/media/{id}/faces</c> <c>[{"faceId", "childId" | null, "kind"?}]</c>: assigns faces of the caller's
    /// own upload (kind <c>child</c>, <c>staff</c>, <c>not-a-child</c>, <c>not-a-face</c> or <c>unassigned</c>); the item is re-decided at once.
    /// 200 with the item; 400 invalid; 404 not found or not the caller's upload; 409 not processed yet.
    /// </summary>
    public static async Task<Results<Ok<MediaItemView>, ProblemHttpResult>> AssignFacesAsync(
        string mediaId, FaceAssignmentInput[]? assignments, ClaimsPrincipal user, AssignFaces assign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assign);
        if (CallerOf(user) is not { } caller || !Identifiers.IsGenerated(mediaId))
        {
            return NotFound("There is no such item.");
        }

        var outcome = await assign.ByTabletAsync(mediaId, caller, assignments, cancellationToken);
        return outcome.ToResult(item => TypedResults.Ok(item));
    }

    /// <summary>
    /// <c>POST /api/tablet/notes/preview</c> <c>{"note", "children": [ids]}</c>: <c>[{"childId", "name", "note"}]</c>, the note as
    /// each tagged child's family will read it (names of children that family may not see replaced). 400 when the note is
    /// missing or longer than an upload allows, or children is not an array of at most 200 ids.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<NoteReading>>, ProblemHttpResult>> PreviewNoteAsync(
        NotePreviewRequest? request, [FromServices] FamilyNotes notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var outcome = await notes.PreviewAsync(request?.Note, request?.Children, cancellationToken);
        return outcome.ToResult(readings => TypedResults.Ok(readings));
    }

    /// <summary>
    /// <c>POST /api/tablet/enrolment</c> <c>{"deviceId", "deviceSecret"}</c> (no token): 200 <c>{"deviceId", "name"}</c> when they
    /// name a registered, unrevoked tablet (the name the manager gave it, so the tablet can say which device it became), else
    /// 401. The tablet page checks what was typed, or the set-up link, before keeping it, so a mistyped secret is caught at
    /// enrolment rather than at every staff sign-in afterwards. Only the holder of the secret learns the name.
    /// </summary>
    public static async Task<Results<Ok<TabletEnrolment>, ProblemHttpResult>> CheckEnrolmentAsync(
        EnrolmentCheckRequest? request, [FromServices] SignInFlow signIn, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.CacheControl = "no-store";
        return await signIn.CheckDeviceAsync(request?.DeviceId, request?.DeviceSecret, ClientAddresses.Of(http), cancellationToken) is { } device
            ? TypedResults.Ok(new TabletEnrolment(device.Id, device.Name))
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown device",
                detail: "The device id or secret is wrong, or the device was revoked. Check them with the manager's devices page.");
    }

    private static TabletCaller? CallerOf(ClaimsPrincipal user) =>
        user.FindFirst(MediaGateClaims.Device)?.Value is { Length: > 0 } device && user.FindFirst(MediaGateClaims.Subject)?.Value is { Length: > 0 } staff
            ? new TabletCaller(device, staff)
            : null;

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
