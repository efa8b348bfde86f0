using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Retention;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Tablets;

namespace MediaGate.Gate.Children;

/// <summary>
/// The setting's children (README, Manager; api.md <c>/api/manager/children</c>, <c>GET /api/tablet/children</c>): the
/// manager adds a child (a new row of the consent matrix; audited) and reads them with the day each left; tablets read
/// the children still here (<see cref="ChildrenWhoLeft"/>), by name.
/// </summary>
public sealed class ChildRegister(IChildRepository children, IRetentionRepository retention, IAuditLog audit, ChildrenWhoLeft childrenWhoLeft)
{
    /// <summary>The longest room name.</summary>
    public const int MaxRoomLength = 100;

    /// <summary>Serialises adds (the register is a singleton): the duplicate check and the insert run as one.</summary>
    private static readonly SemaphoreSlim Adding = new(1, 1);

    /// <summary>
    /// Adds a child (a trimmed name of 1 to <see cref="TextFields.MaxNameLength"/> characters, an optional room). Audited.
    /// A child of exactly this name and room who is here and has not left is a conflict ("Ava Thompson is already in
    /// Butterflies"): a double click once added the same child twice, and only "Record leaving" could take one away.
    /// </summary>
    public async Task<GateOutcome<Child>> AddAsync(string? name, string? room, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new Dictionary<string, string[]>();
        string? trimmed = name?.Trim();
        string? trimmedRoom = string.IsNullOrWhiteSpace(room) ? null : room.Trim();
        if (TextFields.NameProblem(trimmed) is { } nameProblem)
        {
            problems["name"] = [nameProblem];
        }

        if (trimmedRoom is not null && (trimmedRoom.Length > MaxRoomLength || trimmedRoom.Any(char.IsControl)))
        {
            problems["room"] = [$"At most {MaxRoomLength} characters, no control characters."];
        }

        if (problems.Count > 0)
        {
            return GateProblem.InvalidFields(problems);
        }

        // One add at a time on this node, so two requests for the same child (a double click) cannot both pass the check.
        await Adding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await AlreadyHereAsync(trimmed!, trimmedRoom, cancellationToken).ConfigureAwait(false))
            {
                return GateProblem.Conflict(
                    "Child already here",
                    trimmedRoom is null ? $"{trimmed} is already on the list, with no room." : $"{trimmed} is already in {trimmedRoom}.");
            }

            var child = new Child(new ChildId(Guid.NewGuid().ToString("N")), trimmed!, trimmedRoom);
            await children.AddAsync(child, cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(new AuditEvent(actor, "child-create", child.Id.Value), cancellationToken).ConfigureAwait(false);
            return child;
        }
        finally
        {
            Adding.Release();
        }
    }

    /// <summary>Whether a child of exactly this name and room (ordinal; no room matches no room) is here and has not left.</summary>
    private async Task<bool> AlreadyHereAsync(string name, string? room, CancellationToken cancellationToken) =>
        (await childrenWhoLeft.StillHereAsync(cancellationToken).ConfigureAwait(false))
            .Any(c => string.Equals(c.Name, name, StringComparison.Ordinal) && string.Equals(c.Room, room, StringComparison.Ordinal));

    /// <summary>Every child with the day they left (or will leave), if any.</summary>
    public async Task<IReadOnlyList<ChildListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await children.ListAsync(cancellationToken).ConfigureAwait(false);
        // The console shows who has left (or will): the days of those few children, read one by one.
        var leaving = await retention.LeftByAsync(DateOnly.MaxValue, cancellationToken).ConfigureAwait(false);
        var leftOn = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        foreach (var id in leaving)
        {
            leftOn[id] = await retention.LeftOnAsync(new ChildId(id), cancellationToken).ConfigureAwait(false);
        }

        return all.Select(c => new ChildListing(c, leftOn.GetValueOrDefault(c.Id.Value))).ToArray();
    }

    /// <summary>One child; "unknown child" for an id that names none.</summary>
    public async Task<GateOutcome<ChildListing>> FindAsync(string? childId, CancellationToken cancellationToken = default)
    {
        var child = Identifiers.IsAcceptable(childId) ? await children.FindAsync(new ChildId(childId!), cancellationToken).ConfigureAwait(false) : null;
        return child is null
            ? Unknown(childId)
            : new ChildListing(child, await retention.LeftOnAsync(child.Id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The children staff may tag, by name: only those still here (one who has left is no longer tagged).</summary>
    public async Task<IReadOnlyList<TabletChild>> ForTabletsAsync(CancellationToken cancellationToken = default) =>
        (await childrenWhoLeft.StillHereAsync(cancellationToken).ConfigureAwait(false))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Id.Value, StringComparer.Ordinal)
            .Select(c => new TabletChild(c.Id.Value, c.Name, c.Room))
            .ToArray();

    /// <summary>The refusal for an id that names no child, quoting it (shortened).</summary>
    public static GateProblem Unknown(string? childId) =>
        GateProblem.NotFound("Unknown child.", $"There is no child with id '{Shortened(childId ?? "")}'.");

    private static string Shortened(string text) => text.Length <= Identifiers.MaxLength ? text : text[..Identifiers.MaxLength] + "…";
}
