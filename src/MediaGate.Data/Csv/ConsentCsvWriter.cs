using System.Globalization;
using MediaGate.Consent.Matrix;

namespace MediaGate.Data.Csv;

/// <summary>
/// Writes the matrix as it stands at a moment, one row per child in id order. A purpose is <c>yes</c> while
/// a grant is on record and not withdrawn (a lapsed grant stays <c>yes</c> with its past lapses_on, so the
/// manager sees what to renew), <c>no</c> for a refusal or withdrawal, empty when never asked. The row's
/// given_by, evidence and dates are those of the child's newest record.
/// </summary>
public static class ConsentCsvWriter
{
    public static void Write(ConsentMatrix matrix, DateTimeOffset now, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(CsvLine.Join(ConsentCsvColumns.All));
        output.Write('\n');
        foreach (var child in matrix.Children.Values.OrderBy(c => c.Id.Value, StringComparer.Ordinal))
        {
            var cells = PurposeNames.All.Select(p => matrix.CurrentRecord(new ConsentCellKey(child.Id, p), now)).ToArray();
            var newest = cells.Where(r => r is not null).MaxBy(r => r!.RecordedAt);
            var journal = cells[0];
            var fields = new List<string> { child.Id.Value, child.Name };
            fields.Add(Answer(journal));
            fields.Add(journal is { Granted: true, WithdrawnOn: null } ? (journal.Group ? "yes" : "no") : "");
            fields.AddRange(cells.Skip(1).Select(Answer));
            fields.Add(newest?.GivenBy ?? "");
            fields.Add(newest?.Evidence ?? "");
            fields.Add(newest is null ? "" : Date(newest.GivenOn));
            fields.Add(newest?.LapsesOn is { } lapses ? Date(lapses) : "");
            output.Write(CsvLine.Join(fields));
            output.Write('\n');
        }
    }

    private static string Answer(ConsentRecord? record) => record switch
    {
        null => "",
        { Granted: true, WithdrawnOn: null } => "yes",
        _ => "no",
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
