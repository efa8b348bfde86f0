using System.Globalization;
using MediaGate.Consent.People;
using MediaGate.Gate.Children;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>A child as the manager sees it.</summary>
/// <param name="Id">The child's id.</param>
/// <param name="Name">For the manager's eyes only.</param>
/// <param name="Room">The room, if any.</param>
/// <param name="LeftOn">The day the child left (or leaves) the setting, <c>YYYY-MM-DD</c>, or null.</param>
public sealed record ChildResponse(string Id, string Name, string? Room, string? LeftOn = null)
{
    public static ChildResponse From(Child child, DateOnly? leftOn = null)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new(child.Id.Value, child.Name, child.Room, leftOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static ChildResponse From(ChildListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return From(listing.Child, listing.LeftOn);
    }
}
