namespace MediaGate.Testing.Service;

/// <summary>A child and the parent account linked to it (one family of <see cref="Nursery"/>).</summary>
internal sealed record FamilyMember(string ChildName, string ChildId, string ParentAccountId, string ParentUsername, ApiClient Parent);
