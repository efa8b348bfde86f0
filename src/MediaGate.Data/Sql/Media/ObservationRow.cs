using MediaGate.Consent.People;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>A row of <c>observations</c> as Dapper reads and writes it.</summary>
internal sealed class ObservationRow
{
    public const string Columns =
        "o.id AS Id, o.device_id AS DeviceId, o.staff_id AS StaffId, o.captured_at AS CapturedAt, o.received_at AS ReceivedAt, o.note AS Note, o.event_id AS EventId";

    public string Id { get; set; } = "";

    public string DeviceId { get; set; } = "";

    public string StaffId { get; set; } = "";

    public string CapturedAt { get; set; } = "";

    public string ReceivedAt { get; set; } = "";

    public string? Note { get; set; }

    public string? EventId { get; set; }

    public static ObservationRow From(ObservationRecord observation) => new()
    {
        Id = observation.Id,
        DeviceId = observation.DeviceId,
        StaffId = observation.StaffId,
        CapturedAt = DbText.Instant(observation.CapturedAt),
        ReceivedAt = DbText.Instant(observation.ReceivedAt),
        Note = observation.Note,
        EventId = observation.EventId,
    };

    public ObservationRecord ToRecord(IReadOnlyList<ChildId> children) =>
        new(Id, DeviceId, StaffId, DbText.ToInstant(CapturedAt), DbText.ToInstant(ReceivedAt), Note, children, EventId);
}
