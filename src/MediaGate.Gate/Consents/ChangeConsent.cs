using System.Text.Json;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Review;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Consents;

/// <summary>
/// The change-a-consent use case (issue 7, section 5; product.md: "Withdrawal takes effect immediately, also for
/// media already released"). In order: the change is appended to the cell's history (never an overwrite) and
/// audited; the stored decisions that relied on the cell are re-decided from their stored inputs under the new
/// matrix (<see cref="ReEvaluator"/>), saved, and their items' statuses set; then each affected item's renditions
/// are refreshed, so that a withdrawal has taken the parent renditions and website entries down when this returns.
/// <para>Several nodes: re-evaluation runs again from a freshly loaded matrix until nothing more changes, so a
/// change recorded concurrently on another node is never overwritten by decisions made from an older matrix.</para>
/// </summary>
public sealed class ChangeConsent(
    IChildRepository childRecords,
    IConsentRepository consentRecords,
    IDecisionRepository decisionRecords,
    IAuditLog auditLog,
    ItemStatuses itemStatuses,
    IRenditionRefresher renditions,
    TimeProvider time,
    IOptions<SettingClockOptions> clock)
{
    private const int MaxRounds = 4;
    private const int MaxTextLength = 500;

    private const string InvalidChange = "The consent change is not valid.";

    /// <summary>The refusal for a child the setting does not have.</summary>
    public static readonly GateProblem UnknownChild = GateProblem.NotFound("Unknown child.", "There is no child with this id.");

    public async Task<GateOutcome<ConsentChangeResult>> ApplyAsync(ConsentChange change, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (Validate(change) is { } problem)
        {
            return GateProblem.Invalid(InvalidChange, problem);
        }

        if (await childRecords.FindAsync(change.Child, cancellationToken).ConfigureAwait(false) is null)
        {
            return UnknownChild;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, clock.Value.Zone).DateTime);
        var history = await consentRecords.HistoryAsync(change.Child, change.Purpose, cancellationToken).ConfigureAwait(false);
        var record = RecordFor(change, history.Count > 0 ? history[^1] : null, now, today);
        return await RecordCoreAsync(record, actor, cancellationToken, new { givenBy = change.GivenBy, evidence = change.Evidence }).ConfigureAwait(false);
    }

    /// <summary>
    /// What <see cref="ApplyAsync"/> would re-decide, WITHOUT saving anything (README, consent preview): the
    /// history entry it would append (<see cref="RecordFor"/>), added to the loaded matrix in memory, and the stored
    /// decisions that relied on the cell re-decided under it by the same step the save runs (<see cref="ChangesUnder"/>).
    /// So the preview and the save cannot disagree unless another change lands in between.
    /// </summary>
    public async Task<GateOutcome<ConsentPreview>> PreviewAsync(ConsentChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Validate(change) is { } problem)
        {
            return GateProblem.Invalid(InvalidChange, problem);
        }

        if (await childRecords.FindAsync(change.Child, cancellationToken).ConfigureAwait(false) is null)
        {
            return UnknownChild;
        }

        var now = time.GetUtcNow();
        var zone = clock.Value.Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var history = await consentRecords.HistoryAsync(change.Child, change.Purpose, cancellationToken).ConfigureAwait(false);
        var record = RecordFor(change, history.Count > 0 ? history[^1] : null, now, today);
        var matrix = await consentRecords.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        var changes = await ChangesUnder(record.Cell, matrix.With(record).AsOf(now, zone), cancellationToken).ConfigureAwait(false);
        return new ConsentPreview(record, changes);
    }

    /// <summary>
    /// The same for a history entry the caller made (e.g. the manager endpoint's own reading of the request):
    /// appends it, audits it, re-decides what relied on its cell and refreshes those items' renditions.
    /// </summary>
    public async Task<GateOutcome<ConsentChangeResult>> RecordAsync(ConsentRecord record, string actor, CancellationToken cancellationToken = default) =>
        await RecordCoreAsync(record, actor, cancellationToken, null).ConfigureAwait(false);

    /// <summary>
    /// Re-decides whatever relied on cells that changed outside this use case (a CSV import applies many cells in one
    /// transaction) and refreshes the affected items' renditions.
    /// </summary>
    public async Task<ConsentChangeResult> ReEvaluateAsync(IEnumerable<ConsentCellKey> cells, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var changed = 0;
        var affected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var cell in cells.Distinct())
        {
            var (count, media) = await ReDecideAsync(cell, clock.Value.Zone, cancellationToken).ConfigureAwait(false);
            changed += count;
            affected.UnionWith(media);
        }

        await RefreshAsync(affected, actor, "consent-import", cancellationToken).ConfigureAwait(false);
        return new ConsentChangeResult(null, changed, affected.ToArray());
    }

    private async Task<GateOutcome<ConsentChangeResult>> RecordCoreAsync(ConsentRecord record, string actor, CancellationToken cancellationToken, object? particulars)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (await childRecords.FindAsync(record.Child, cancellationToken).ConfigureAwait(false) is null)
        {
            return UnknownChild;
        }

        await consentRecords.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        await auditLog.AppendAsync(new AuditEvent(actor, "consent-change", record.Child.Value, JsonSerializer.Serialize(new
        {
            purpose = record.Purpose.Name(),
            granted = record.Granted,
            group = record.Group,
            withdrawn = record.WithdrawnOn is not null,
            lapsesOn = record.LapsesOn,
            particulars,
        })), cancellationToken).ConfigureAwait(false);

        var (changed, affected) = await ReDecideAsync(record.Cell, clock.Value.Zone, cancellationToken).ConfigureAwait(false);
        await RefreshAsync(affected, actor, "consent-change", cancellationToken).ConfigureAwait(false);
        return new ConsentChangeResult(record, changed, affected);
    }

    private async Task RefreshAsync(IEnumerable<string> affected, string actor, string cause, CancellationToken cancellationToken)
    {
        foreach (var mediaId in affected)
        {
            await itemStatuses.UpdateAsync(mediaId, cancellationToken).ConfigureAwait(false);
            await renditions.RefreshAsync(mediaId, cancellationToken).ConfigureAwait(false);
            await auditLog.AppendAsync(new AuditEvent(actor, "decision", mediaId, JsonSerializer.Serialize(new { cause })), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task<(int Changed, IReadOnlyList<string> Affected)> ReDecideAsync(ConsentCellKey cell, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var affected = new SortedSet<string>(StringComparer.Ordinal);
        var changed = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var matrix = await consentRecords.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
            var changes = await ChangesUnder(cell, matrix.Now(time, zone), cancellationToken).ConfigureAwait(false);
            if (changes.Count == 0)
            {
                break;
            }

            var decidedAt = time.GetUtcNow();
            foreach (var decisionChange in changes)
            {
                var before = decisionChange.Before;
                // A family that had the item (or had nothing to wait for) and now waits: marked, so that their list says
                // it is being checked again (README, GET /api/parent/media "recheck"; not why).
                var after = StoredDecision.From(before.Id, before.Request, decisionChange.After, decidedAt) with
                {
                    ConsentRecheckAt = decisionChange.After.Verdict == Verdict.Hold && before.Verdict != Verdict.Hold ? decidedAt : null,
                };
                await decisionRecords.SaveAsync(after, cancellationToken).ConfigureAwait(false);
                affected.Add(before.Request.Item.Id.Value);
                changed++;
            }
        }

        return (changed, affected.ToArray());
    }

    /// <summary>The stored decisions that relied on <paramref name="cell"/> and come out differently under <paramref name="consent"/>: the save and the preview both decide with this.</summary>
    private async Task<IReadOnlyList<DecisionChange>> ChangesUnder(ConsentCellKey cell, ConsentSnapshot consent, CancellationToken cancellationToken)
    {
        var stored = await decisionRecords.RelyingOnAsync(cell, cancellationToken).ConfigureAwait(false);
        return ReEvaluator.AfterCellChange(stored, cell, consent);
    }

    /// <summary>
    /// The history entry: a grant; the withdrawal of the grant in force (a copy of it with the moment of withdrawal,
    /// so the history shows what was withdrawn, naming who withdrew it); or a refusal when nothing was granted.
    /// </summary>
    private static ConsentRecord RecordFor(ConsentChange change, ConsentRecord? current, DateTimeOffset now, DateOnly today)
    {
        string givenBy = change.GivenBy.Trim();
        string evidence = change.Evidence.Trim();
        if (!change.Granted && current is { Granted: true, WithdrawnOn: null })
        {
            // The withdrawn grant keeps its dates; the record names who withdrew it and on what evidence.
            return current.WithdrawnAt(now) with { GivenBy = givenBy, Evidence = evidence };
        }

        return change.Granted
            ? new ConsentRecord(change.Child, change.Purpose, true, change.Group && change.Purpose == Purpose.Journal, givenBy, evidence, change.GivenOn ?? today, change.ExpiresOn, null, now)
            : new ConsentRecord(change.Child, change.Purpose, false, false, givenBy, evidence, change.GivenOn ?? today, null, null, now);
    }

    private static string? Validate(ConsentChange change)
    {
        if (string.IsNullOrWhiteSpace(change.GivenBy) || change.GivenBy.Length > MaxTextLength)
        {
            return $"givenBy is required (at most {MaxTextLength} characters).";
        }

        if (string.IsNullOrWhiteSpace(change.Evidence) || change.Evidence.Length > MaxTextLength)
        {
            return $"evidence is required (at most {MaxTextLength} characters): the signed form's reference.";
        }

        // group on another purpose than the journal means nothing and is dropped (RecordFor).
        return null;
    }
}
