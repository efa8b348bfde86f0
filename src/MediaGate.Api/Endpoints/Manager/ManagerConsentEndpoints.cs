using System.Security.Claims;
using System.Text;
using System.Text.Json;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Gate.Children;
using MediaGate.Gate.Consents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The manager's consent matrix (api.md, Manager): a cell's change, the matrix, its CSV export and import. Mapped inside
/// the <c>/api/manager</c> group (manager policy); changes go through <see cref="Gate.Consents.ChangeConsent"/>, which
/// audits them, re-decides what relied on the cells and refreshes those renditions. The preview of a change is
/// <see cref="ManagerConsentPreviewEndpoints"/>.
/// </summary>
public static class ManagerConsentEndpoints
{
    public static RouteGroupBuilder MapManagerConsentEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPut("/consents/{childId}/{purpose}", ChangeConsent);
        group.MapGet("/consents", GetMatrix);
        group.MapGet("/consents.csv", ExportCsv).Produces<string>(StatusCodes.Status200OK, "text/csv");
        group.MapPut("/consents.csv", ImportCsv).Accepts<string>("text/csv");
        return group;
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
        ChildRegister children,
        ChangeConsent changeConsent,
        TimeProvider time,
        IOptions<SettingClockOptions> clock,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(changeConsent);
        ArgumentNullException.ThrowIfNull(children);
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

        var found = await children.FindAsync(childId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Problem.ToProblem();
        }

        Child child = found.Value.Child;

        TimeZoneInfo zone = clock.Value.Zone;
        var result = await changeConsent.ApplyAsync(request.ToChange(child.Id, cell), ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
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
        await database.Audit.AppendAsync(new AuditEvent(ManagerActor.Of(user), "export", "consents.csv"), cancellationToken).ConfigureAwait(false);
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
        await database.Audit.AppendAsync(new AuditEvent(ManagerActor.Of(user), "consent-import", "consents.csv", detail), cancellationToken).ConfigureAwait(false);
        await changeConsent.ReEvaluateAsync(outcome.Value.Records.Select(r => r.Cell), ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ConsentImportResponse(outcome.Value.NewChildren.Count, outcome.Value.Records.Count));
    }

    private static bool IsCsv(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, "text/csv", StringComparison.OrdinalIgnoreCase);
}
