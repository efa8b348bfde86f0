namespace MediaGate.Gate.Tablets;

/// <summary>A child staff may tag on the tablet (README, <c>GET /api/tablet/children</c>): <c>{"id", "name", "room"}</c>.</summary>
/// <param name="Id">The child's id (for <c>children</c> in an upload and face assignments).</param>
/// <param name="Name">The name staff know the child by.</param>
/// <param name="Room">The room, or null.</param>
public sealed record TabletChild(string Id, string Name, string? Room);
