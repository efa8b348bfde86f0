using MediaGate.Consent.People;

namespace MediaGate.Data.Events;

/// <summary>
/// Events and their attendees. Attendees may be corrected only until a photo names the event: from then on an event
/// rendition's audience is fixed.
/// </summary>
public interface IEventRepository
{
    /// <summary>Records the event and its attendees in one transaction; every attendee must be a known child.</summary>
    Task AddAsync(EventRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the attendees in one transaction, unless an observation already names the event (its renditions were
    /// decided for the attendees as they were): <see cref="AttendeeChange.PhotosTaken"/>, nothing changed.
    /// </summary>
    Task<AttendeeChange> ReplaceAttendeesAsync(string id, IReadOnlyList<ChildId> attendees, CancellationToken cancellationToken = default);

    /// <summary>The event, or null.</summary>
    Task<EventRecord?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every event, newest date first.</summary>
    Task<IReadOnlyList<EventRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The event the item's observation belongs to; null when it belongs to none (or there is no such item).</summary>
    Task<EventRecord?> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default);
}
