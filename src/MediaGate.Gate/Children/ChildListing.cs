using MediaGate.Consent.People;

namespace MediaGate.Gate.Children;

/// <summary>A child of the setting as the manager sees it.</summary>
/// <param name="Child">The child (name for the manager's eyes only).</param>
/// <param name="LeftOn">The day the child left (or leaves) the setting, or null.</param>
public sealed record ChildListing(Child Child, DateOnly? LeftOn);
