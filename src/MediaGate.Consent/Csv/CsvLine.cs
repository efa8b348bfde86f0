using System.Text;

namespace MediaGate.Consent.Csv;

/// <summary>Splits and joins one CSV line (RFC 4180 quoting; a line break inside quotes is not supported).</summary>
internal static class CsvLine
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
                fields.Add(field.ToString());
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

        fields.Add(field.ToString());
        error = null;
        return fields;
    }

    public static string Join(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote));

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field != field.Trim()
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
