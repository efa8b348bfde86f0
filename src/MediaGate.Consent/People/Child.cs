namespace MediaGate.Consent.People;

/// <summary>A child of the setting. The name is for the manager's eyes only (never published).</summary>
public sealed record Child(ChildId Id, string Name, string? Room = null);
