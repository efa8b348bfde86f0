using MediaGate.Consent.People;
using MediaGate.Data.Events;

namespace MediaGate.Data.Sql.Events;

/// <summary>A row of <c>events</c> as Dapper reads it.</summary>
internal sealed class EventRow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string EventDate { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public string CreatedAt { get; set; } = "";

    public EventRecord ToRecord(IReadOnlyList<ChildId> attendees) =>
        new(Id, Name, DbText.ToDate(EventDate), attendees, CreatedBy, DbText.ToInstant(CreatedAt));
}
