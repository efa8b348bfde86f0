namespace MediaGate.Consent.People;

/// <summary>A member of staff who signs in on a registered tablet; uploads carry their identity.</summary>
public sealed record StaffMember(string Id, string Name, bool IsManager);
