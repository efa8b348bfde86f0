using System.Security.Claims;
using System.Text;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Gate.Consents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The manager's consent matrix (api.md, Manager): a cell's change, the matrix, its CSV export and import. Mapped inside
/// the <c>/api/manager</c> group (manager policy); each handler calls one use case in <c>Gate/Consents</c>, and changes go
/// through <see cref="Gate.Consents.ChangeConsent"/>, which audits them, re-decides what relied on the cells and refreshes
/// those renditions. The preview of a change is
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
    /// Records one consent cell's change through <see cref="ConsentCellChange"/>, which audits it, re-decides what relied
    /// on the cell and refreshes those renditions before this returns (issue 7, item 5: a withdrawal takes parent
    /// renditions and website entries down within seconds).
    /// </summary>
    public static async Task<Results<Ok<ConsentCellResponse>, ValidationProblem, ProblemHttpResult>> ChangeConsent(
        string childId,
        string purpose,
        ConsentChangeRequest request,
        ConsentCellChange change,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(change);
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

        var child = new ChildId(childId);
        var outcome = await change.ApplyAsync(request.ToChange(child, cell), ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return outcome.IsSuccess
            ? TypedResults.Ok(ConsentCellResponse.From(child, cell, outcome.Value))
            : outcome.Problem.ToProblem();
    }

    /// <summary><c>GET /api/manager/consents</c>: The consent matrix: for each child and purpose (journal, website, publicity, events), the cell in force.</summary>
    public static async Task<Ok<ConsentMatrixRow[]>> GetMatrix(ConsentMatrixQuery matrix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var current = await matrix.NowAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(current.Children
            .Select(c => new ConsentMatrixRow(c.Id.Value, c.Name, c.Room, PurposeNames.All.ToDictionary(p => p.Name(), p => ConsentCellResponse.From(c.Id, p, current.Now))))
            .ToArray());
    }

    /// <summary><c>GET /api/manager/consents.csv</c>: The consent matrix as CSV, in the columns the import takes.</summary>
    public static async Task<FileContentHttpResult> ExportCsv(ConsentCsv csv, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        string text = await csv.ExportAsync(ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", ConsentCsv.FileName);
    }

    /// <summary>
    /// Imports the whole matrix from CSV through <see cref="ConsentCsv"/>: every row or, on any bad row, none (400 naming
    /// the line); renditions follow the cells it changed.
    /// </summary>
    public static async Task<Results<Ok<ConsentImportResponse>, ProblemHttpResult>> ImportCsv(
        HttpRequest request, ConsentCsv csv, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(csv);
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

        var outcome = await csv.ImportAsync(text, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return outcome.IsSuccess
            ? TypedResults.Ok(new ConsentImportResponse(outcome.Value.NewChildren.Count, outcome.Value.Records.Count))
            : outcome.Problem.ToProblem();
    }

    private static bool IsCsv(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, "text/csv", StringComparison.OrdinalIgnoreCase);
}
