namespace MediaGate.Gate.Events;

/// <summary>What recording an event did: the event, or the problems per field (a 400).</summary>
public sealed record EventOutcome(EventView? Event, IReadOnlyDictionary<string, string[]> Problems)
{
    public static EventOutcome Invalid(IReadOnlyDictionary<string, string[]> problems) => new(null, problems);

    public static EventOutcome Recorded(EventView view) => new(view, new Dictionary<string, string[]>());
}
