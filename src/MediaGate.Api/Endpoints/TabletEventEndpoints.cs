using MediaGate.Gate.Consents;
using MediaGate.Gate.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// <c>GET /api/tablet/events</c>: today's events (the setting's day) with their attendees, so staff can name the event
/// an upload was taken at (<c>eventId</c>) and tag only its attendees. Mapped inside the tablet group (tablet policy).
/// </summary>
public static class TabletEventEndpoints
{
    public static RouteGroupBuilder MapTabletEventEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/events", ListTodaysEventsAsync).WithName("TabletEvents");
        return group;
    }

    /// <summary><c>[{"id", "name", "date", "attendees"}]</c>: the events recorded for today.</summary>
    public static async Task<Ok<EventView[]>> ListTodaysEventsAsync(
        [FromServices] EventRegister events, [FromServices] TimeProvider time, IOptions<SettingClockOptions> clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(clock);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), clock.Value.Zone).DateTime);
        var all = await events.ListAsync(cancellationToken);
        return TypedResults.Ok(all.Where(e => e.Date == today).ToArray());
    }
}
