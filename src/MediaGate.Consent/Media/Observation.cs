using MediaGate.Consent.People;

namespace MediaGate.Consent.Media;

/// <summary>
/// What a member of staff uploads from a registered tablet: media, the children it is about, a note.
/// Uploads carry both identities, the device's and the staff member's.
/// </summary>
public sealed record Observation(
    string Id,
    string DeviceId,
    string StaffId,
    DateTimeOffset CapturedAt,
    string? Note,
    IReadOnlyList<ChildId> TaggedChildren,
    IReadOnlyList<MediaItem> Items);
