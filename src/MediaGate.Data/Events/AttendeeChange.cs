namespace MediaGate.Data.Events;

/// <summary>What <see cref="IEventRepository.ReplaceAttendeesAsync"/> did.</summary>
public enum AttendeeChange
{
    /// <summary>The attendees were replaced.</summary>
    Replaced,

    /// <summary>There is no such event.</summary>
    NotFound,

    /// <summary>A photo already names the event, so its attendees stay as they are.</summary>
    PhotosTaken,
}
