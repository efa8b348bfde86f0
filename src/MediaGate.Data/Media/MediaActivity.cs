namespace MediaGate.Data.Media;

/// <summary>An item's status and its two moments, for the manager's dashboard (no photo, no faces, no children).</summary>
/// <param name="Id">The media id.</param>
/// <param name="Status">Where it stands now.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
public sealed record MediaActivity(string Id, MediaStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
