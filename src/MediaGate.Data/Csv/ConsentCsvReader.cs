using System.Globalization;
using MediaGate.Consent.People;

namespace MediaGate.Data.Csv;

/// <summary>
/// Reads a consent CSV strictly: the first malformed or ambiguous row rejects the whole file with its line
/// number (issue 3, item 6: "nothing is half-imported").
/// </summary>
public static class ConsentCsvReader
{
    /// <summary>Refuses absurdly large inputs before reading them (fail closed, never hang).</summary>
    public const int MaxRows = 100_000;

    public static CsvOutcome<IReadOnlyList<ConsentCsvRow>> Read(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var header = input.ReadLine();
        if (header is null)
        {
            return CsvOutcome<IReadOnlyList<ConsentCsvRow>>.Fail(1, "the file is empty (expected a header: " + string.Join(',', ConsentCsvColumns.All) + ")");
        }

        var columns = ReadHeader(header.TrimStart('\uFEFF'), out var headerProblem);
        if (columns is null)
        {
            return CsvOutcome<IReadOnlyList<ConsentCsvRow>>.Fail(1, headerProblem!);
        }

        var rows = new List<ConsentCsvRow>();
        var seen = new Dictionary<ChildId, int>();
        var lineNumber = 1;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (rows.Count >= MaxRows)
            {
                return CsvOutcome<IReadOnlyList<ConsentCsvRow>>.Fail(lineNumber, $"more than {MaxRows} rows");
            }

            var row = ReadRow(line, lineNumber, columns);
            if (!row.IsSuccess)
            {
                return CsvOutcome<IReadOnlyList<ConsentCsvRow>>.Fail(row.Problem);
            }

            if (seen.TryGetValue(row.Value.Child, out var firstLine))
            {
                return CsvOutcome<IReadOnlyList<ConsentCsvRow>>.Fail(lineNumber,
                    string.Create(CultureInfo.InvariantCulture, $"child {row.Value.Child} is also on line {firstLine}: which row is right is ambiguous"));
            }

            seen.Add(row.Value.Child, lineNumber);
            rows.Add(row.Value);
        }

        return CsvOutcome<IReadOnlyList<ConsentCsvRow>>.Success(rows);
    }

    private static Dictionary<string, int>? ReadHeader(string header, out string? problem)
    {
        var names = CsvLine.Split(header, out var error);
        if (names is null)
        {
            problem = "the header is malformed: " + error;
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (!ConsentCsvColumns.All.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problem = $"unknown column '{name}' (expected: {string.Join(',', ConsentCsvColumns.All)})";
                return null;
            }

            if (!columns.TryAdd(name, i))
            {
                problem = $"column '{name}' appears twice";
                return null;
            }
        }

        var missing = ConsentCsvColumns.All.Where(c => !columns.ContainsKey(c)).ToArray();
        problem = missing.Length > 0 ? "missing column(s): " + string.Join(", ", missing) : null;
        return problem is null ? columns : null;
    }

    private static CsvOutcome<ConsentCsvRow> ReadRow(string line, int number, Dictionary<string, int> columns)
    {
        var fields = CsvLine.Split(line, out var error);
        if (fields is null)
        {
            return CsvOutcome<ConsentCsvRow>.Fail(number, "malformed CSV: " + error);
        }

        if (fields.Count != columns.Count)
        {
            return CsvOutcome<ConsentCsvRow>.Fail(number,
                string.Create(CultureInfo.InvariantCulture, $"{fields.Count} fields, expected {columns.Count}"));
        }

        return new ConsentCsvRowParser(number, name => fields[columns[name]].Trim()).Parse();
    }
}
