using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Data.Csv;

/// <summary>
/// Compares read rows with the matrix and plans the history records to append. History is never edited:
/// a "no" where a grant is in force appends a withdrawal, a changed "yes" appends a new grant, an unchanged
/// answer appends nothing, an empty answer leaves the cell alone.
/// </summary>
public static class ConsentCsvImport
{
    public static CsvOutcome<ConsentImportPlan> Plan(IReadOnlyList<ConsentCsvRow> rows, ConsentMatrix current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(current);
        var children = new List<Child>();
        var records = new List<ConsentRecord>();
        foreach (var row in rows)
        {
            if (current.Children.TryGetValue(row.Child, out var known))
            {
                if (!string.Equals(known.Name, row.Name, StringComparison.Ordinal))
                {
                    return CsvOutcome<ConsentImportPlan>.Fail(row.Line,
                        $"child {row.Child} is '{known.Name}' in MediaGate but '{row.Name}' here: which child is meant is ambiguous");
                }
            }
            else
            {
                children.Add(new Child(row.Child, row.Name));
            }

            foreach (var (purpose, granted) in row.Answers)
            {
                var existing = current.CurrentRecord(new ConsentCellKey(row.Child, purpose), now);
                if (NewRecord(row, purpose, granted, existing, now) is { } record)
                {
                    records.Add(record);
                }
            }
        }

        return CsvOutcome<ConsentImportPlan>.Success(new ConsentImportPlan(children, records));
    }

    private static ConsentRecord? NewRecord(ConsentCsvRow row, Purpose purpose, bool granted, ConsentRecord? existing, DateTimeOffset now)
    {
        var inForce = existing is { Granted: true, WithdrawnOn: null };
        var answered = new ConsentRecord(
            row.Child, purpose, granted, purpose == Purpose.Journal && granted && row.Group,
            row.GivenBy, row.Evidence, row.GivenOn!.Value, granted ? row.LapsesOn : null, null, now);
        if (granted)
        {
            return existing is not null && inForce && existing with { RecordedAt = now } == answered ? null : answered;
        }

        if (inForce)
        {
            // A withdrawal keeps the grant it ends and says who withdrew it, on what evidence.
            return existing! with { GivenBy = row.GivenBy, Evidence = row.Evidence, WithdrawnOn = now, RecordedAt = now };
        }

        return existing is not null ? null : answered; // already refused or withdrawn: nothing new
    }
}
