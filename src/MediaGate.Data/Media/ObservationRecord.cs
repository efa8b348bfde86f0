using MediaGate.Consent.People;

namespace MediaGate.Data.Media;

/// <summary>An observation as stored: who uploaded it from which tablet, when, the note and the tagged children.</summary>
/// <param name="Id">Lowercase GUID "N".</param>
/// <param name="DeviceId">The registered tablet it came from.</param>
/// <param name="StaffId">The staff account signed in on the tablet.</param>
/// <param name="CapturedAt">When the tablet says it was taken (the receipt time when it said nothing).</param>
/// <param name="ReceivedAt">When the service accepted it.</param>
/// <param name="Note">Staff's note, or null.</param>
/// <param name="Children">The children staff tagged, without repeats, ordered by id.</param>
/// <param name="EventId">The event it was taken at (its renditions go to the attendees' families), or null.</param>
public sealed record ObservationRecord(
    string Id,
    string DeviceId,
    string StaffId,
    DateTimeOffset CapturedAt,
    DateTimeOffset ReceivedAt,
    string? Note,
    IReadOnlyList<ChildId> Children,
    string? EventId = null);
