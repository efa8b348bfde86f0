namespace MediaGate.Gate.Parents;

/// <summary>How the family of one tagged child will read a note (the tablet shows this as staff type).</summary>
/// <param name="ChildId">The tagged child whose family reads it.</param>
/// <param name="Name">That child's name.</param>
/// <param name="Note">The note as that family will read it.</param>
public sealed record NoteReading(string ChildId, string Name, string Note);
