using MediaGate.Gate.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// The manager's events (README): <c>POST /api/manager/events</c> <c>{"name", "date", "attendees"}</c> → 201
/// <c>{"id"}</c>, and <c>GET /api/manager/events</c>. Mapped inside the host's <c>/api/manager</c> group (manager policy)
/// by <see cref="ManagerMediaEndpoints"/>; the rules are <see cref="EventRegister"/>'s.
/// </summary>
public static class ManagerEventEndpoints
{
    public static RouteGroupBuilder MapManagerEventEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/events", CreateEventAsync).WithName("ManagerCreateEvent");
        group.MapGet("/events", ListEventsAsync).WithName("ManagerEvents");
        return group;
    }

    /// <summary>201 <c>{"id"}</c>; 400 (ValidationProblem) for a missing name, a bad date, or attendees that are not children of the setting.</summary>
    public static async Task<Results<Created<Manager.CreatedId>, ValidationProblem>> CreateEventAsync(
        [FromBody] EventDraft draft, HttpContext http, [FromServices] EventRegister events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(events);
        if (draft is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON body {name, date, attendees} is required."] });
        }

        var outcome = await events.RecordAsync(draft, ParentEndpoints.AccountOf(http.User) ?? "unknown", cancellationToken);
        return outcome.Event is { } created
            ? TypedResults.Created($"/api/manager/events/{created.Id}", new Manager.CreatedId(created.Id))
            : TypedResults.ValidationProblem(outcome.Problems);
    }

    /// <summary><c>[{"id", "name", "date", "attendees"}]</c>, newest first.</summary>
    public static async Task<Ok<IReadOnlyList<EventView>>> ListEventsAsync([FromServices] EventRegister events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return TypedResults.Ok(await events.ListAsync(cancellationToken));
    }
}
