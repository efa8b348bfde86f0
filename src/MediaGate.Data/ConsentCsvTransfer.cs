using MediaGate.Data.Csv;

namespace MediaGate.Data;

/// <summary>Imports and exports the consent matrix as CSV against a database (issue 3, item 6).</summary>
public sealed class ConsentCsvTransfer(MediaGateDatabase database, TimeProvider time)
{
    /// <summary>
    /// Reads the whole file, plans it against the matrix, and writes it in one transaction; a bad or ambiguous
    /// row is returned as a <see cref="CsvProblem"/> and nothing is written.
    /// </summary>
    public async Task<CsvOutcome<ConsentImportPlan>> ImportAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var rows = ConsentCsvReader.Read(csv);
        if (!rows.IsSuccess)
        {
            return CsvOutcome<ConsentImportPlan>.Fail(rows.Problem);
        }

        var matrix = await database.Consents.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        var plan = ConsentCsvImport.Plan(rows.Value, matrix, time.GetUtcNow());
        if (plan.IsSuccess)
        {
            await database.Consents.ApplyAsync(plan.Value, cancellationToken).ConfigureAwait(false);
        }

        return plan;
    }

    public async Task ExportAsync(TextWriter csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var matrix = await database.Consents.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        ConsentCsvWriter.Write(matrix, time.GetUtcNow(), csv);
    }
}
