using MediaGate.Consent.People;

namespace MediaGate.Data.Media;

/// <summary>An item in a child's journal: tagged with the child and rendered for the child's parents.</summary>
/// <param name="MediaId">The item.</param>
/// <param name="ChildId">The child it is in the journal of.</param>
/// <param name="TakenAt">The observation's capture time.</param>
/// <param name="Note">The observation's note.</param>
/// <param name="RenditionId">The parent rendition's id.</param>
public sealed record JournalEntry(string MediaId, ChildId ChildId, DateTimeOffset TakenAt, string? Note, string RenditionId);
