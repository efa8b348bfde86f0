using System.Globalization;
using System.Text;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Consent.Reports;

/// <summary>A child's consent cells as they stand now, and every recorded change (for <c>mediagate consent show</c>).</summary>
public sealed record ChildConsentReport(string ChildId, string Name, string? Room, DateTimeOffset AsOf, IReadOnlyList<ConsentCellLine> Cells, IReadOnlyList<ConsentCellLine> History)
{
    public static ChildConsentReport Create(ConsentMatrix matrix, Child child, ConsentSnapshot now)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(now);
        var cells = PurposeNames.All.Select(p =>
        {
            var record = now.Record(new ConsentCellKey(child.Id, p));
            return Line(p, StatusName(now.Status(child.Id, p)), record, recordedAt: false);
        }).ToArray();
        var history = PurposeNames.All
            .SelectMany(p => matrix.History(child.Id, p))
            .OrderBy(r => r.RecordedAt)
            .Select(r => Line(r.Purpose, !r.Granted ? "refused" : r.WithdrawnOn is null ? "granted" : "withdrawn", r, recordedAt: true))
            .ToArray();
        return new ChildConsentReport(child.Id.Value, child.Name, child.Room, now.Instant, cells, history);
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Name} ({ChildId}){(Room is null ? "" : ", room " + Room)}, as of {Instant(AsOf)}\n");
        foreach (var cell in Cells)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {cell.Purpose,-10} {cell.Status}{Details(cell)}\n");
        }

        text.Append(History.Count == 0 ? "History: nothing recorded\n" : "History (oldest first):\n");
        foreach (var entry in History)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Instant(entry.RecordedAt!.Value)}  {entry.Purpose,-10} {entry.Status}{Details(entry)}\n");
        }

        return text.ToString();
    }

    private static ConsentCellLine Line(Purpose purpose, string status, ConsentRecord? record, bool recordedAt) => new(
        purpose.Name(), status, purpose == Purpose.Journal ? record?.Group : null, record?.GivenBy, record?.Evidence, record?.GivenOn,
        record?.LapsesOn, record?.WithdrawnOn, recordedAt ? record?.RecordedAt : null);

    private static string StatusName(ConsentStatus status) => status switch
    {
        ConsentStatus.NotAsked => "not-asked",
        ConsentStatus.NotYetInForce => "not-yet-in-force",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Details(ConsentCellLine line)
    {
        if (line.GivenBy is null)
        {
            return "";
        }

        var details = new StringBuilder();
        if (line.Group is { } group)
        {
            details.Append(group ? ", group sharing: yes" : ", group sharing: no");
        }

        details.Append(CultureInfo.InvariantCulture, $", given by {line.GivenBy} on {Date(line.GivenOn)}, evidence {line.Evidence}");
        if (line.LapsesOn is { } lapses)
        {
            details.Append(CultureInfo.InvariantCulture, $", lapses on {Date(lapses)}");
        }

        if (line.WithdrawnOn is { } withdrawn)
        {
            details.Append(CultureInfo.InvariantCulture, $", withdrawn {Instant(withdrawn)}");
        }

        return details.ToString();
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";

    private static string Instant(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
