using MediaGate.Data.Events;

namespace MediaGate.Gate.Events;

/// <summary>
/// What recording an event or changing its attendees did: the event, the problems per field (a 400), or why the change
/// was refused (<see cref="AttendeeChange.NotFound"/>, <see cref="AttendeeChange.PhotosTaken"/>).
/// </summary>
public sealed record EventOutcome(EventView? Event, IReadOnlyDictionary<string, string[]> Problems, AttendeeChange? Refused = null)
{
    public static EventOutcome Refusal(AttendeeChange why) => new(null, new Dictionary<string, string[]>(), why);

    public static EventOutcome Invalid(IReadOnlyDictionary<string, string[]> problems) => new(null, problems);

    public static EventOutcome Recorded(EventView view) => new(view, new Dictionary<string, string[]>());
}
