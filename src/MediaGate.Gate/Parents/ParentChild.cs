namespace MediaGate.Gate.Parents;

/// <summary>
/// One of a parent's own children (<c>GET /api/parent/children</c>: <c>{"id", "name"}</c>), so that the journal can
/// name the child in its photos and filter by child. Never another family's child.
/// </summary>
/// <param name="Id">The child's id, as in the list's <c>childId</c>.</param>
/// <param name="Name">The child's name as the nursery recorded it.</param>
public sealed record ParentChild(string Id, string Name);
