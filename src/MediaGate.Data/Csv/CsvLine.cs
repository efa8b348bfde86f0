using System.Text;

namespace MediaGate.Data.Csv;

/// <summary>
/// Splits and joins one CSV line (RFC 4180 quoting; a line break inside quotes is not supported). A field that a
/// spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return,
/// OWASP "CSV Injection") is written with a leading apostrophe, so a child's name like <c>=HYPERLINK(...)</c> in an
/// export opens as text; reading takes that apostrophe off again, so an export imports back unchanged. Every CSV
/// MediaGate writes (consents, the audit log) goes through <see cref="Join"/> or <see cref="Field"/>.
/// </summary>
public static class CsvLine
{
    /// <summary>The fields, or null with <paramref name="error"/> when the quoting is broken.</summary>
    public static List<string>? Split(string line, out string? error)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStart = true;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                    if (i + 1 < line.Length && line[i + 1] != ',')
                    {
                        error = "text after a closing quote";
                        return null;
                    }
                }
            }
            else if (c == '"' && fieldStart)
            {
                quoted = true;
                fieldStart = false;
            }
            else if (c == '"')
            {
                error = "a quote inside an unquoted field";
                return null;
            }
            else if (c == ',')
            {
                fields.Add(Unguard(field.ToString()));
                field.Clear();
                fieldStart = true;
            }
            else
            {
                field.Append(c);
                fieldStart = false;
            }
        }

        if (quoted)
        {
            error = "a quoted field is not closed on this line";
            return null;
        }

        fields.Add(Unguard(field.ToString()));
        error = null;
        return fields;
    }

    public static string Join(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));

    /// <summary>One field as written: guarded against formulas, then quoted when it needs quotes.</summary>
    public static string Field(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Quote(Guard(field));
    }

    /// <summary>True when a spreadsheet would read the field, after any guarding apostrophes, as a formula.</summary>
    private static bool LooksLikeFormula(string field) =>
        field.TrimStart('\'') is { Length: > 0 } rest && rest[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>One more apostrophe in front of a formula-like field (also of one that already starts with apostrophes, so it reads back exactly).</summary>
    private static string Guard(string field) => LooksLikeFormula(field) ? "'" + field : field;

    private static string Unguard(string field) => field.StartsWith('\'') && LooksLikeFormula(field) ? field[1..] : field;

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field != field.Trim()
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
