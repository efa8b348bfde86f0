namespace MediaGate.Api.Endpoints.Manager;

/// <summary><c>PUT /api/manager/events/{id}/attendees</c>: the children who attended, replacing the list.</summary>
/// <param name="Attendees">Child ids, 1 to 60, none who has left.</param>
public sealed record EventAttendeesRequest(IReadOnlyList<string?>? Attendees);
