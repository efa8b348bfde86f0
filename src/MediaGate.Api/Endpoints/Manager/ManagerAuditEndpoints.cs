using System.Security.Claims;
using System.Text;
using MediaGate.Data.Audit;
using MediaGate.Gate.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The manager's audit log (api.md, Manager): its entries page by page, as CSV, the check of its keyed hash chain and
/// the signed head to keep outside the database. Mapped inside the <c>/api/manager</c> group (manager policy). Every
/// export is audited first.
/// </summary>
public static class ManagerAuditEndpoints
{
    public static RouteGroupBuilder MapManagerAuditEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/audit", ReadAudit);
        group.MapGet("/audit/verify", VerifyAudit);
        group.MapGet("/audit/head", ExportAuditHead);
        group.MapGet("/audit.csv", ExportAuditCsv).Produces<string>(StatusCodes.Status200OK, "text/csv");
        return group;
    }

    /// <summary>
    /// The audit log's entries in [from, to), oldest first, each with the hash of the previous one; at most
    /// <c>limit</c> (default 1,000, at most 10,000) per call: for the next page pass the last entry's sequence as <c>after</c>.
    /// <c>order=newest</c> reads from the newest end, newest first: for the next older page pass the last entry's sequence
    /// as <c>before</c>. <c>action</c> keeps entries whose action starts with it (e.g. <c>consent-</c>), <c>actor</c> those
    /// of one account (README).
    /// </summary>
    public static async Task<Results<Ok<AuditEntryResponse[]>, ProblemHttpResult>> ReadAudit(
        DateTimeOffset? from, DateTimeOffset? to, long? after, long? before, int? limit, string? order, string? action, string? actor,
        AuditTrail trail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trail);
        var outcome = await trail.ReadAsync(new AuditFilter(from, to, action, actor), after, before, limit, order, cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(page => TypedResults.Ok(page.Entries.Select(e => AuditEntryResponse.From(e, page.Names)).ToArray()));
    }

    /// <summary>
    /// The audit log (same filters, no page limit) as CSV, written page by page so a long log is never held in memory.
    /// The export is audited first, and holds the entries before its own: what the log said when it was asked.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAuditCsv(
        DateTimeOffset? from, DateTimeOffset? to, string? action, string? actor, AuditTrail trail, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trail);
        var outcome = await trail.BeginExportAsync(new AuditFilter(from, to, action, actor), ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(export => TypedResults.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
                await writer.WriteAsync(AuditCsv.Header + "\n").ConfigureAwait(false);
                await foreach (var page in trail.PagesAsync(export, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var entry in page.Entries)
                    {
                        await writer.WriteAsync(AuditCsv.Line(entry, page.Names) + "\n").ConfigureAwait(false);
                    }
                }
            },
            "text/csv; charset=utf-8",
            "audit.csv"));
    }

    /// <summary><c>GET /api/manager/audit/verify</c>: Walks the audit log's keyed hash chain and names the first broken link, if any.</summary>
    public static async Task<Ok<AuditVerificationResponse>> VerifyAudit(AuditTrail trail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trail);
        return TypedResults.Ok(AuditVerificationResponse.From(await trail.VerifyAsync(cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>
    /// The audit chain's newest entry, signed with a key derived from the master key (<see cref="AuditHead"/>): kept outside
    /// the database (a file, a printout) and checked later with <c>mediagate audit verify --head FILE</c>, it shows whether
    /// entries were cut off or the chain re-made since. The export is audited first, so the head includes it.
    /// </summary>
    public static async Task<Results<Ok<AuditHead>, ProblemHttpResult>> ExportAuditHead(AuditTrail trail, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(user);
        var outcome = await trail.SignHeadAsync(ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(head => TypedResults.Ok(head));
    }
}
