using MediaGate.Gate.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The manager's events: <c>POST /api/manager/events</c> <c>{"name", "date", "attendees"}</c> → 201 <c>{"id"}</c>,
/// <c>GET /api/manager/events</c>, and <c>PUT /api/manager/events/{id}/attendees</c> <c>{"attendees"}</c> until a photo names it. Mapped inside the <c>/api/manager</c> group (manager policy); the rules are <see cref="EventRegister"/>'s.
/// </summary>
public static class ManagerEventEndpoints
{
    public static RouteGroupBuilder MapManagerEventEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/events", CreateEventAsync).WithName("ManagerCreateEvent");
        group.MapGet("/events", ListEventsAsync).WithName("ManagerEvents");
        group.MapPut("/events/{eventId}/attendees", ChangeAttendeesAsync).WithName("ManagerEventAttendees");
        return group;
    }

    /// <summary>201 <c>{"id"}</c>; 400 (ValidationProblem) for a missing name, a bad date, or attendees that are not children of the setting.</summary>
    public static async Task<Results<Created<CreatedId>, ProblemHttpResult>> CreateEventAsync(
        [FromBody] EventDraft draft, HttpContext http, [FromServices] EventRegister events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(events);
        var outcome = await events.RecordAsync(draft, ManagerActor.Of(http.User), cancellationToken);
        return outcome.ToResult(created => TypedResults.Created($"/api/manager/events/{created.Id}", new CreatedId(created.Id)));
    }

    /// <summary>200 the event as it now stands; 400 attendees unknown or left; 404 no such event; 409 a photo already names it.</summary>
    public static async Task<Results<Ok<EventView>, ProblemHttpResult>> ChangeAttendeesAsync(
        string eventId, [FromBody] EventAttendeesRequest request, HttpContext http, [FromServices] EventRegister events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(events);
        var outcome = await events.ChangeAttendeesAsync(eventId, request?.Attendees, ManagerActor.Of(http.User), cancellationToken);
        return outcome.ToResult(changed => TypedResults.Ok(changed));
    }

    /// <summary><c>[{"id", "name", "date", "attendees"}]</c>, newest first.</summary>
    public static async Task<Ok<IReadOnlyList<EventView>>> ListEventsAsync([FromServices] EventRegister events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return TypedResults.Ok(await events.ListAsync(cancellationToken));
    }
}
