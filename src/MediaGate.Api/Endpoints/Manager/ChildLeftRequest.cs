namespace MediaGate.Api.Endpoints.Manager;

/// <summary>Body of <c>POST /api/manager/children/{childId}/left</c>: the day the child left, <c>YYYY-MM-DD</c>; null clears it.</summary>
/// <param name="LeftOn">The leaving day, or null when the child has not left after all.</param>
public sealed record ChildLeftRequest(string? LeftOn);
