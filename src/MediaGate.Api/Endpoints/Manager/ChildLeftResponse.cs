namespace MediaGate.Api.Endpoints.Manager;

/// <summary>The child's leaving day as recorded, and from which day the items in which every tagged child has left are deleted.</summary>
/// <param name="ChildId">The child.</param>
/// <param name="LeftOn">The leaving day (<c>YYYY-MM-DD</c>), or null.</param>
/// <param name="DeletedFrom">The leaving day plus <c>Gate:Retention:GraceDays</c>, or null.</param>
public sealed record ChildLeftResponse(string ChildId, string? LeftOn, string? DeletedFrom);
