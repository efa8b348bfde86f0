using System.Globalization;
using System.Text;
using MediaGate.Data.Audit;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The audit log as CSV (contract8.md, <c>GET /api/manager/audit.csv</c>): RFC 4180 quoting, one line per entry. A
/// field a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
/// return; OWASP "CSV Injection") gets a leading apostrophe, as in the consents export, so a username or device
/// name like <c>=HYPERLINK(...)</c> opens as text.
/// </summary>
public static class AuditCsv
{
    public const string Header = "sequence,at,actor,action,subject,detail,previousHash,hash";

    /// <summary>The entry's line, without the line break.</summary>
    public static string Line(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string[] fields =
        [
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.Subject,
            entry.Detail ?? "",
            entry.PreviousHash,
            entry.Hash,
        ];
        return string.Join(',', fields.Select(Field));
    }

    /// <summary>One field, guarded against formulas and quoted when it holds a comma, quote or line break.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        if (text.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return text;
        }

        var quoted = new StringBuilder(text.Length + 2).Append('"');
        quoted.Append(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        return quoted.Append('"').ToString();
    }
}
