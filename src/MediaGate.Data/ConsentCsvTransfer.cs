using MediaGate.Data.Csv;

namespace MediaGate.Data;

/// <summary>Imports and exports the consent matrix as CSV against a database (issue 3, item 6).</summary>
public sealed class ConsentCsvTransfer(IConsentRepository consents, TimeProvider time)
{
    public ConsentCsvTransfer(MediaGateDatabase database, TimeProvider time)
        : this((database ?? throw new ArgumentNullException(nameof(database))).Consents, time)
    {
    }

    /// <summary>
    /// Reads the whole file, plans it against the matrix, and writes it in one transaction; a bad or ambiguous
    /// row is returned as a <see cref="CsvProblem"/> and nothing is written.
    /// </summary>
    public async Task<CsvOutcome<ConsentImportPlan>> ImportAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        var rows = ConsentCsvReader.Read(csv);
        if (!rows.IsSuccess)
        {
            return CsvOutcome<ConsentImportPlan>.Fail(rows.Problem);
        }

        var matrix = await consents.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        var plan = ConsentCsvImport.Plan(rows.Value, matrix, time.GetUtcNow());
        if (plan.IsSuccess)
        {
            await consents.ApplyAsync(plan.Value, cancellationToken).ConfigureAwait(false);
        }

        return plan;
    }

    public async Task ExportAsync(TextWriter csv, CancellationToken cancellationToken = default)
    {
        var matrix = await consents.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        ConsentCsvWriter.Write(matrix, time.GetUtcNow(), csv);
    }
}
