using System.Security.Claims;
using System.Text;
using System.Text.Json;
using MediaGate.Api.Endpoints.Manager;
using MediaGate.Api.Identity;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Gate.Consents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// The manager's API (api.md, Manager): children, the consent matrix (cells, CSV export and import) and the
/// audit log. One group under <c>/api/manager</c> that only <see cref="Policies.Manager"/> may reach; the
/// identity and media parts add their endpoints to the same group. Every change and export is audited.
/// </summary>
public static class ManagerEndpoints
{
    private const int MaxNameLength = 200;
    private const int MaxRoomLength = 100;
    private const int DefaultAuditPage = 1000;
    private const int MaxAuditPage = 10_000;

    public static RouteGroupBuilder MapManagerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/manager").RequireAuthorization(Policies.Manager).WithTags("Manager");
        group.MapPost("/children", CreateChild);
        group.MapGet("/children", ListChildren);
        group.MapGet("/children/{childId}", GetChild);
        group.MapPut("/consents/{childId}/{purpose}", ChangeConsent);
        group.MapGet("/consents", GetMatrix);
        group.MapGet("/consents.csv", ExportCsv).Produces<string>(StatusCodes.Status200OK, "text/csv");
        group.MapPut("/consents.csv", ImportCsv).Accepts<string>("text/csv");
        group.MapGet("/audit", ReadAudit);
        group.MapGet("/audit/verify", VerifyAudit);
        group.MapGet("/audit/head", ExportAuditHead);
        group.MapGet("/audit.csv", ExportAuditCsv).Produces<string>(StatusCodes.Status200OK, "text/csv");
        group.MapManagerIdentityEndpoints();
        group.MapManagerAccountEndpoints();
        group.MapManagerConsentPreviewEndpoints();
        group.MapManagerDashboardEndpoints();
        group.MapManagerMediaEndpoints();
        group.MapManagerRetentionEndpoints();
        group.MapManagerRequeueEndpoints();
        group.MapManagerWebsiteKeyEndpoints();
        return group;
    }

    /// <summary><c>POST /api/manager/children</c>: Adds a child (name, optional room); answers its id.</summary>
    public static async Task<Results<Created<CreatedId>, ValidationProblem>> CreateChild(
        CreateChildRequest request, MediaGateDatabase database, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        var problems = new Dictionary<string, string[]>();
        string? name = request.Name?.Trim();
        string? room = string.IsNullOrWhiteSpace(request.Room) ? null : request.Room.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            problems["name"] = [$"Required: 1 to {MaxNameLength} characters, no control characters."];
        }

        if (room is not null && (room.Length > MaxRoomLength || room.Any(char.IsControl)))
        {
            problems["room"] = [$"At most {MaxRoomLength} characters, no control characters."];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var child = new Child(new ChildId(NewId()), name!, room);
        await database.Children.AddAsync(child, cancellationToken).ConfigureAwait(false);
        await database.Audit.AppendAsync(new AuditEvent(ActorOf(user), "child-create", child.Id.Value), cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/manager/children/{child.Id.Value}", new CreatedId(child.Id.Value));
    }

    /// <summary><c>GET /api/manager/children</c>: Lists the setting's children with their rooms and whether they have left.</summary>
    public static async Task<Ok<ChildResponse[]>> ListChildren(MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var children = await database.Children.ListAsync(cancellationToken).ConfigureAwait(false);
        // The console shows who has left (or will): the days of those few children, read one by one.
        var leaving = await database.Retention.LeftByAsync(DateOnly.MaxValue, cancellationToken).ConfigureAwait(false);
        var leftOn = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        foreach (var id in leaving)
        {
            leftOn[id] = await database.Retention.LeftOnAsync(new ChildId(id), cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Ok(children.Select(c => ChildResponse.From(c, leftOn.GetValueOrDefault(c.Id.Value))).ToArray());
    }

    /// <summary><c>GET /api/manager/children/{childId}</c>: One child, 404 when unknown.</summary>
    public static async Task<Results<Ok<ChildResponse>, ProblemHttpResult>> GetChild(string childId, MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        Child? child = await FindChildAsync(database, childId, cancellationToken).ConfigureAwait(false);
        return child is null
            ? UnknownChild(childId)
            : TypedResults.Ok(ChildResponse.From(child, await database.Retention.LeftOnAsync(child.Id, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>
    /// Records one consent cell's change through the <see cref="Gate.Consents.ChangeConsent"/> use case, which
    /// audits it, re-decides what relied on the cell and refreshes those renditions before this returns
    /// (issue 7, item 5: a withdrawal takes parent renditions and website entries down within seconds).
    /// </summary>
    public static async Task<Results<Ok<ConsentCellResponse>, ValidationProblem, ProblemHttpResult>> ChangeConsent(
        string childId,
        string purpose,
        ConsentChangeRequest request,
        MediaGateDatabase database,
        ChangeConsent changeConsent,
        TimeProvider time,
        IOptions<SettingClockOptions> clock,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(changeConsent);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(clock);
        if (!PurposeNames.TryParse(purpose, out Purpose cell))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown purpose.",
                detail: $"The purpose must be one of {string.Join(", ", PurposeNames.All.Select(p => p.Name()))}.");
        }

        var problems = request.Problems(cell);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        Child? child = await FindChildAsync(database, childId, cancellationToken).ConfigureAwait(false);
        if (child is null)
        {
            return UnknownChild(childId);
        }

        TimeZoneInfo zone = clock.Value.Zone;
        var result = await changeConsent.ApplyAsync(request.ToChange(child.Id, cell), ActorOf(user), cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return result.Problem.ToProblem();
        }

        var after = await database.Consents.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ConsentCellResponse.From(child.Id, cell, after.Now(time, zone)));
    }

    /// <summary><c>GET /api/manager/consents</c>: The consent matrix: for each child and purpose (journal, website, publicity, events), the cell in force.</summary>
    public static async Task<Ok<ConsentMatrixRow[]>> GetMatrix(
        MediaGateDatabase database, TimeProvider time, IOptions<SettingClockOptions> clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        var matrix = await database.Consents.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        var now = matrix.Now(time, clock.Value.Zone);
        var rows = matrix.Children.Values
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Id.Value, StringComparer.Ordinal)
            .Select(c => new ConsentMatrixRow(c.Id.Value, c.Name, c.Room, PurposeNames.All.ToDictionary(p => p.Name(), p => ConsentCellResponse.From(c.Id, p, now))))
            .ToArray();
        return TypedResults.Ok(rows);
    }

    /// <summary><c>GET /api/manager/consents.csv</c>: The consent matrix as CSV, in the columns the import takes.</summary>
    public static async Task<FileContentHttpResult> ExportCsv(MediaGateDatabase database, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var csv = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        await new ConsentCsvTransfer(database, time).ExportAsync(csv, cancellationToken).ConfigureAwait(false);
        await database.Audit.AppendAsync(new AuditEvent(ActorOf(user), "export", "consents.csv"), cancellationToken).ConfigureAwait(false);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "consents.csv");
    }

    /// <summary>
    /// Imports the whole matrix from CSV: every row or, on any bad row, none (400 naming the line). The cells the
    /// import changed then go through <see cref="Gate.Consents.ChangeConsent"/>'s re-evaluation, so renditions follow.
    /// </summary>
    public static async Task<Results<Ok<ConsentImportResponse>, ProblemHttpResult>> ImportCsv(
        HttpRequest request, MediaGateDatabase database, ChangeConsent changeConsent, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(changeConsent);
        if (!IsCsv(request.ContentType))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The request's content type is not supported here.",
                detail: "Send the consent matrix as text/csv.");
        }

        using var reader = new StreamReader(request.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        string text;
        try
        {
            // Bounded: Kestrel stops the body at Operations:MaxJsonBodyBytes (413).
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DecoderFallbackException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The CSV is not valid UTF-8.");
        }

        var outcome = await new ConsentCsvTransfer(database, time).ImportAsync(new StringReader(text), cancellationToken).ConfigureAwait(false);
        if (!outcome.IsSuccess)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The CSV was not imported.", detail: $"{outcome.Problem}; nothing was imported.");
        }

        string detail = JsonSerializer.Serialize(new { newChildren = outcome.Value.NewChildren.Count, records = outcome.Value.Records.Count });
        await database.Audit.AppendAsync(new AuditEvent(ActorOf(user), "consent-import", "consents.csv", detail), cancellationToken).ConfigureAwait(false);
        await changeConsent.ReEvaluateAsync(outcome.Value.Records.Select(r => r.Cell), ActorOf(user), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ConsentImportResponse(outcome.Value.NewChildren.Count, outcome.Value.Records.Count));
    }

    /// <summary>
    /// The audit log's entries in [from, to), oldest first, each with the hash of the previous one; at most
    /// <c>limit</c> (default 1,000, at most 10,000) per call: for the next page pass the last entry's sequence as <c>after</c>.
    /// <c>action</c> keeps entries whose action starts with it (e.g. <c>consent-</c>), <c>actor</c> those of one account
    /// (README).
    /// </summary>
    public static async Task<Results<Ok<AuditEntryResponse[]>, ProblemHttpResult>> ReadAudit(
        DateTimeOffset? from, DateTimeOffset? to, long? after, int? limit, string? action, string? actor, MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (AuditFilterProblem(from, to, action, actor) is { } problem)
        {
            return problem;
        }

        if (limit is < 1 or > MaxAuditPage || after is < 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid page.", detail: $"'limit' is 1 to {MaxAuditPage}; 'after' is a sequence number (0 or more).");
        }

        var query = new AuditQuery(from, to, action, actor, after ?? 0);
        var entries = await database.Audit.ReadPageAsync(query, limit ?? DefaultAuditPage, cancellationToken).ConfigureAwait(false);
        var names = await AuditNames.LoadAsync(database, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(entries.Select(e => AuditEntryResponse.From(e, names)).ToArray());
    }

    /// <summary>
    /// The audit log (same filters, no page limit) as CSV, written page by page so a long log is never held in memory.
    /// The export is audited first, and holds the entries before its own: what the log said when it was asked.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAuditCsv(
        DateTimeOffset? from, DateTimeOffset? to, string? action, string? actor, MediaGateDatabase database, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (AuditFilterProblem(from, to, action, actor) is { } problem)
        {
            return problem;
        }

        string detail = JsonSerializer.Serialize(new { from, to, action, actor });
        AuditEntry export = await database.Audit.AppendAsync(new AuditEvent(ActorOf(user), "export", "audit.csv", detail), cancellationToken).ConfigureAwait(false);
        return TypedResults.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
                var names = await AuditNames.LoadAsync(database, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(AuditCsv.Header + "\n").ConfigureAwait(false);
                var query = new AuditQuery(from, to, action, actor);
                while (true)
                {
                    var page = await database.Audit.ReadPageAsync(query, DefaultAuditPage, cancellationToken).ConfigureAwait(false);
                    foreach (AuditEntry entry in page.TakeWhile(e => e.Sequence < export.Sequence))
                    {
                        await writer.WriteAsync(AuditCsv.Line(entry, names) + "\n").ConfigureAwait(false);
                    }

                    if (page.Count < DefaultAuditPage || page[^1].Sequence >= export.Sequence)
                    {
                        break;
                    }

                    query = query with { AfterSequence = page[^1].Sequence };
                }
            },
            "text/csv; charset=utf-8",
            "audit.csv");
    }

    /// <summary><c>GET /api/manager/audit/verify</c>: Walks the audit log's keyed hash chain and names the first broken link, if any.</summary>
    public static async Task<Ok<AuditVerificationResponse>> VerifyAudit(MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var verification = await database.Audit.VerifyAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(AuditVerificationResponse.From(verification));
    }

    /// <summary>
    /// The audit chain's newest entry, signed with a key derived from the master key (<see cref="AuditHead"/>): kept outside
    /// the database (a file, a printout) and checked later with <c>mediagate audit verify --head FILE</c>, it shows whether
    /// entries were cut off or the chain re-made since. The export is audited first, so the head includes it.
    /// </summary>
    public static async Task<Results<Ok<AuditHead>, ProblemHttpResult>> ExportAuditHead(MediaGateDatabase database, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(user);
        await database.Audit.AppendAsync(new AuditEvent(user.AccountId() ?? "manager", "audit-head-exported", "audit", null), cancellationToken).ConfigureAwait(false);
        return await database.Audit.SignHeadAsync(cancellationToken).ConfigureAwait(false) is { } head
            ? TypedResults.Ok(head)
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No master key is configured, so the head cannot be signed.");
    }

    /// <summary>The audit filters' problem, or null: an empty period, or a filter too long or holding control characters.</summary>
    private static ProblemHttpResult? AuditFilterProblem(DateTimeOffset? from, DateTimeOffset? to, string? action, string? actor)
    {
        if (from is { } start && to is { } end && end < start)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The period is empty.", detail: "'to' is before 'from'.");
        }

        // PostgreSQL refuses U+0000 in a query's text: a 400 here, not a 500 there.
        if (action is { } a && (a.Length > Identifiers.MaxLength || a.Any(char.IsControl)) || actor is { } b && (b.Length > Identifiers.MaxLength || b.Any(char.IsControl)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid filter.", detail: $"'action' and 'actor' are at most {Identifiers.MaxLength} characters, no control characters.");
        }

        return null;
    }

    private static async Task<Child?> FindChildAsync(MediaGateDatabase database, string childId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(childId) || childId.Length > Identifiers.MaxLength
            ? null
            : await database.Children.FindAsync(new ChildId(childId), cancellationToken).ConfigureAwait(false);

    private static ProblemHttpResult UnknownChild(string childId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown child.", detail: $"There is no child with id '{Truncate(childId)}'.");

    private static string Truncate(string text) => text.Length <= Identifiers.MaxLength ? text : text[..Identifiers.MaxLength] + "…";

    private static bool IsCsv(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, "text/csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The signed-in account's id (the group's policy guarantees there is one).</summary>
    private static string ActorOf(ClaimsPrincipal user) => user.AccountId() ?? "unknown";

    private static string NewId() => Guid.NewGuid().ToString("N");
}
