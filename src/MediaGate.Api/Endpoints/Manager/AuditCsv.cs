using System.Globalization;
using MediaGate.Data.Audit;
using MediaGate.Data.Csv;
using MediaGate.Gate.Audit;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The audit log as CSV (README, <c>GET /api/manager/audit.csv</c>): RFC 4180 quoting, one line per entry. A
/// field a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
/// return; OWASP "CSV Injection") gets a leading apostrophe, as in the consents export, so a username or device
/// name like <c>=HYPERLINK(...)</c> opens as text. <c>who</c> and <c>what</c> say the entry in names and a sentence
/// (<see cref="AuditSentences"/>); the raw fields follow, as the chain covers them.
/// </summary>
public static class AuditCsv
{
    public const string Header = "sequence,at,who,what,actor,action,subject,detail,previousHash,hash";

    /// <summary>The entry's line, without the line break.</summary>
    public static string Line(AuditEntry entry, AuditNames names)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string[] fields =
        [
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            AuditSentences.Who(entry, names),
            AuditSentences.What(entry, names),
            entry.Actor,
            entry.Action,
            entry.Subject,
            entry.Detail ?? "",
            entry.PreviousHash,
            entry.Hash,
        ];
        return CsvLine.Join(fields);
    }

    /// <summary>One field, guarded against formulas and quoted when it needs quotes: the consents export's own rule.</summary>
    public static string Field(string value) => CsvLine.Field(value);
}
