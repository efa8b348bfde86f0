using MediaGate.Consent.Decisions;
using MediaGate.Data.Events;

namespace MediaGate.Gate.Events;

/// <summary>
/// Who an event's renditions are for (product.md: "events renditions go only to the families of children who
/// attended"): the families of every attendee. One audience per item, so one rendition per item: which faces it
/// masks depends only on each face's own <c>events</c> consent, the same for every attending family.
/// </summary>
public static class EventAudience
{
    public static Audience Of(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Audience.EventFamilies(record.Attendees, record.Attendees);
    }
}
