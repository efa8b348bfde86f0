namespace MediaGate.Consent.People;

/// <summary>
/// A parent or carer with a personal login, and the children whose journal they may see
/// (product.md: "parents see their own child's images only").
/// </summary>
public sealed record Guardian(string Id, string Name, IReadOnlySet<ChildId> Children)
{
    public bool MaySee(ChildId child) => Children.Contains(child);
}
