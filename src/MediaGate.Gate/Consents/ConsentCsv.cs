using System.Globalization;
using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Csv;
using MediaGate.Gate.Outcomes;

namespace MediaGate.Gate.Consents;

/// <summary>
/// The consent matrix as CSV (issue 3, item 6): the export, audited; and the import of the whole matrix, every row or, on
/// any bad row, none. The cells an import changed then go through <see cref="ChangeConsent"/>'s re-evaluation, so
/// renditions follow.
/// </summary>
public sealed class ConsentCsv(IConsentRepository consents, IAuditLog audit, ChangeConsent changeConsent, TimeProvider time)
{
    /// <summary>The CSV file's name in the audit log and the download.</summary>
    public const string FileName = "consents.csv";

    public async Task<string> ExportAsync(string actor, CancellationToken cancellationToken = default)
    {
        await using var csv = new StringWriter(CultureInfo.InvariantCulture);
        await new ConsentCsvTransfer(consents, time).ExportAsync(csv, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(new AuditEvent(actor, "export", FileName), cancellationToken).ConfigureAwait(false);
        return csv.ToString();
    }

    public async Task<GateOutcome<ConsentImportPlan>> ImportAsync(string text, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var outcome = await new ConsentCsvTransfer(consents, time).ImportAsync(new StringReader(text), cancellationToken).ConfigureAwait(false);
        if (!outcome.IsSuccess)
        {
            return GateProblem.Invalid("The CSV was not imported.", $"{outcome.Problem}; nothing was imported.");
        }

        string detail = JsonSerializer.Serialize(new { newChildren = outcome.Value.NewChildren.Count, records = outcome.Value.Records.Count });
        await audit.AppendAsync(new AuditEvent(actor, "consent-import", FileName, detail), cancellationToken).ConfigureAwait(false);
        await changeConsent.ReEvaluateAsync(outcome.Value.Records.Select(r => r.Cell), actor, cancellationToken).ConfigureAwait(false);
        return outcome.Value;
    }
}
