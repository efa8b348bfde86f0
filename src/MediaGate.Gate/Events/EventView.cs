namespace MediaGate.Gate.Events;

/// <summary>An event as the manager and the tablet see it: <c>{"id", "name", "date", "attendees"}</c>.</summary>
/// <param name="Id">The event's id (the tablet's upload field <c>eventId</c>).</param>
/// <param name="Name">What it is called.</param>
/// <param name="Date">The day it took place.</param>
/// <param name="Attendees">The children who attended, by id.</param>
public sealed record EventView(string Id, string Name, DateOnly Date, IReadOnlyList<string> Attendees);
