using MediaGate.Consent.People;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>A child as the manager sees it.</summary>
public sealed record ChildResponse(string Id, string Name, string? Room)
{
    public static ChildResponse From(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new(child.Id.Value, child.Name, child.Room);
    }
}
