using System.Globalization;
using System.Text.Json;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Events;
using MediaGate.Gate.Children;
using MediaGate.Gate.Outcomes;

namespace MediaGate.Gate.Events;

/// <summary>
/// The manager's events (issue 7, section 5: renditions "per event (families of children who attended)"): records an
/// event with its attendees, audited, and lists them. Attendees may be corrected until a photo names the event; after
/// that the families its renditions went to are the ones it was decided for. Children who have left are refused, as
/// uploads refuse them. Tablets name an event in an upload (<c>eventId</c>).
/// </summary>
public sealed class EventRegister(IAuditLog audit, IChildRepository childrenRepository, IEventRepository eventsRepository, TimeProvider time, ChildrenWhoLeft childrenWhoLeft)
{
    /// <summary>
    /// At most this many attendees: an event rendition's audience key (stored with its decision and rendition, and
    /// indexed) lists them, and PostgreSQL's index entries are bounded (about 2.7 kB); 60 keeps well inside it.
    /// </summary>
    public const int MaxAttendees = 60;

    private static readonly GateProblem UnknownEvent = GateProblem.NotFound("Unknown event.", "There is no event with this id.");

    private static readonly GateProblem PhotosTaken = GateProblem.Conflict(
        "Photos were already taken at this event.", "Its photos went to the families of the children listed then, so the list stays as it is.");

    public async Task<GateOutcome<EventView>> RecordAsync(EventDraft? draft, string actor, CancellationToken cancellationToken = default)
    {
        if (draft is null)
        {
            return GateProblem.InvalidFields(new Dictionary<string, string[]> { ["body"] = ["A JSON body {name, date, attendees} is required."] });
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new Dictionary<string, string[]>();
        string? name = draft.Name?.Trim();
        if (TextFields.NameProblem(name) is { } nameProblem)
        {
            problems["name"] = [nameProblem];
        }

        if (!DateOnly.TryParseExact(draft.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems["date"] = ["Required: the day of the event, YYYY-MM-DD."];
        }

        var attendees = await AttendeesAsync(draft.Attendees, problems, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            return GateProblem.InvalidFields(problems);
        }

        var record = new EventRecord(Guid.NewGuid().ToString("N"), name!, date, attendees, actor, time.GetUtcNow());
        await eventsRepository.AddAsync(record, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(new AuditEvent(actor, "event-create", record.Id, JsonSerializer.Serialize(new
        {
            date = record.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            attendees = record.Attendees.Select(c => c.Value),
        })), cancellationToken).ConfigureAwait(false);
        return View(record);
    }

    /// <summary>Replaces an event's attendees (same rules as <see cref="RecordAsync"/>); refused once a photo names the event. Audited.</summary>
    public async Task<GateOutcome<EventView>> ChangeAttendeesAsync(string id, IReadOnlyList<string?>? attendees, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (id.Length > Identifiers.MaxLength || await eventsRepository.FindAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return UnknownEvent;
        }

        var problems = new Dictionary<string, string[]>();
        var children = await AttendeesAsync(attendees, problems, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            return GateProblem.InvalidFields(problems);
        }

        var change = await eventsRepository.ReplaceAttendeesAsync(id, children, cancellationToken).ConfigureAwait(false);
        if (change != AttendeeChange.Replaced)
        {
            return change == AttendeeChange.PhotosTaken ? PhotosTaken : UnknownEvent;
        }

        await audit.AppendAsync(new AuditEvent(actor, "event-attendees", id, JsonSerializer.Serialize(new
        {
            attendees = children.Select(c => c.Value),
        })), cancellationToken).ConfigureAwait(false);
        var changed = await eventsRepository.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return changed is null ? UnknownEvent : View(changed);
    }

    /// <summary>Every event, newest first.</summary>
    public async Task<IReadOnlyList<EventView>> ListAsync(CancellationToken cancellationToken = default) =>
        (await eventsRepository.ListAsync(cancellationToken).ConfigureAwait(false)).Select(View).ToArray();

    private static EventView View(EventRecord record) => new(record.Id, record.Name, record.Date, record.Attendees.Select(c => c.Value).ToArray());

    private async Task<ChildId[]> AttendeesAsync(IReadOnlyList<string?>? ids, Dictionary<string, string[]> problems, CancellationToken cancellationToken)
    {
        if (ids is null || ids.Count == 0 || ids.Count > MaxAttendees || ids.Any(string.IsNullOrWhiteSpace))
        {
            problems["attendees"] = [$"Required: a JSON array of 1 to {MaxAttendees} child ids."];
            return [];
        }

        var known = (await childrenRepository.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id.Value, c => c.Name, StringComparer.Ordinal);
        var unknown = ids.Where(id => !known.ContainsKey(id!)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            problems["attendees"] = [$"Not a child of the setting: {string.Join(", ", unknown.Take(5).Select(id => id!.Length > 40 ? id[..40] + "…" : id))}."];
            return [];
        }

        // A child who has left is no longer photographed for the setting: an event lists only children still here.
        var gone = await childrenWhoLeft.AmongAsync(ids, cancellationToken).ConfigureAwait(false);
        if (gone.Length > 0)
        {
            problems["attendees"] = [$"These children have left the setting: {string.Join(", ", gone.Take(5).Select(id => known[id!]))}."];
            return [];
        }

        return ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id => new ChildId(id!)).ToArray();
    }
}
