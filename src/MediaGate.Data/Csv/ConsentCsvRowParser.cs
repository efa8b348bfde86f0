using System.Globalization;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Data.Csv;

/// <summary>Turns one row's fields into a <see cref="ConsentCsvRow"/>, or says what is wrong with it.</summary>
internal sealed class ConsentCsvRowParser(int line, Func<string, string> field)
{
    public CsvOutcome<ConsentCsvRow> Parse()
    {
        var id = field(ConsentCsvColumns.ChildId);
        var name = field(ConsentCsvColumns.ChildName);
        if (id.Length == 0 || name.Length == 0)
        {
            return Fail("child_id and child_name are required");
        }

        if (id.Length > Identifiers.MaxLength)
        {
            return Fail($"child_id is longer than {Identifiers.MaxLength} characters");
        }

        // Free text is stored: a control character in it is a damaged file (and PostgreSQL refuses U+0000 in TEXT).
        var damaged = new[] { ConsentCsvColumns.ChildId, ConsentCsvColumns.ChildName, ConsentCsvColumns.GivenBy, ConsentCsvColumns.Evidence }
            .FirstOrDefault(c => field(c).Any(char.IsControl));
        if (damaged is not null)
        {
            return Fail($"{damaged} holds control characters");
        }

        var answers = new Dictionary<Purpose, bool>();
        foreach (var purpose in PurposeNames.All)
        {
            if (!TryYesNo(purpose.Name(), out var answer))
            {
                return Fail($"{purpose.Name()} must be yes, no or empty, not '{field(purpose.Name())}'");
            }

            if (answer is { } given)
            {
                answers.Add(purpose, given);
            }
        }

        if (!TryYesNo(ConsentCsvColumns.Group, out var group))
        {
            return Fail($"journal_group must be yes, no or empty, not '{field(ConsentCsvColumns.Group)}'");
        }

        if (group == true && !(answers.TryGetValue(Purpose.Journal, out var journal) && journal))
        {
            return Fail("journal_group is yes but journal is not: group sharing without journal consent is ambiguous");
        }

        return answers.Count == 0 ? WithoutAnswers(id, name) : WithAnswers(id, name, answers, group == true);
    }

    private CsvOutcome<ConsentCsvRow> WithoutAnswers(string id, string name)
    {
        var extra = new[] { ConsentCsvColumns.GivenBy, ConsentCsvColumns.Evidence, ConsentCsvColumns.GivenOn, ConsentCsvColumns.LapsesOn }
            .FirstOrDefault(c => field(c).Length > 0);
        if (extra is not null)
        {
            return Fail($"{extra} is filled in but no purpose is answered: which cell it belongs to is ambiguous");
        }

        return CsvOutcome<ConsentCsvRow>.Success(new ConsentCsvRow(line, new ChildId(id), name, new Dictionary<Purpose, bool>(), false, "", "", null, null));
    }

    private CsvOutcome<ConsentCsvRow> WithAnswers(string id, string name, Dictionary<Purpose, bool> answers, bool group)
    {
        var givenBy = field(ConsentCsvColumns.GivenBy);
        var evidence = field(ConsentCsvColumns.Evidence);
        if (givenBy.Length == 0 || evidence.Length == 0)
        {
            return Fail("given_by and evidence are required when a purpose is answered (who said so, and the signed form)");
        }

        if (!TryDate(ConsentCsvColumns.GivenOn, out var givenOn) || givenOn is null)
        {
            return Fail($"given_on must be a date like 2025-09-01, not '{field(ConsentCsvColumns.GivenOn)}'");
        }

        if (!TryDate(ConsentCsvColumns.LapsesOn, out var lapsesOn))
        {
            return Fail($"lapses_on must be empty or a date like 2026-09-01, not '{field(ConsentCsvColumns.LapsesOn)}'");
        }

        if (lapsesOn <= givenOn)
        {
            return Fail("lapses_on must be after given_on");
        }

        return CsvOutcome<ConsentCsvRow>.Success(new ConsentCsvRow(line, new ChildId(id), name, answers, group, givenBy, evidence, givenOn, lapsesOn));
    }

    private bool TryYesNo(string column, out bool? answer)
    {
        var text = field(column);
        answer = text.ToUpperInvariant() switch
        {
            "" => null,
            "YES" => true,
            "NO" => false,
            _ => null,
        };
        return text.Length == 0 || answer is not null;
    }

    private bool TryDate(string column, out DateOnly? date)
    {
        var text = field(column);
        date = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    private CsvOutcome<ConsentCsvRow> Fail(string reason) => CsvOutcome<ConsentCsvRow>.Fail(line, reason);
}
