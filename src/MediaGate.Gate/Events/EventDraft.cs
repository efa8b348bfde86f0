namespace MediaGate.Gate.Events;

/// <summary>An event as the manager sends it (README, <c>POST /api/manager/events</c>): <c>{"name", "date", "attendees"}</c>.</summary>
/// <param name="Name">What it is called (1 to 200 characters).</param>
/// <param name="Date">The day, <c>YYYY-MM-DD</c>.</param>
/// <param name="Attendees">The ids of the children who attended (at least one).</param>
public sealed record EventDraft(string? Name, string? Date, IReadOnlyList<string?>? Attendees);
