using MediaGate.Consent.People;

namespace MediaGate.Data.Events;

/// <summary>An event, party or outing and the children who attended (product.md, consent purpose <c>events</c>).</summary>
/// <param name="Id">Lowercase GUID "N".</param>
/// <param name="Name">What the manager called it (for the manager and staff; never in a rendition).</param>
/// <param name="Date">The day it took place.</param>
/// <param name="Attendees">The children who attended, without repeats, ordered by id.</param>
/// <param name="CreatedBy">The manager account that recorded it.</param>
/// <param name="CreatedAt">When it was recorded.</param>
public sealed record EventRecord(string Id, string Name, DateOnly Date, IReadOnlyList<ChildId> Attendees, string CreatedBy, DateTimeOffset CreatedAt);
