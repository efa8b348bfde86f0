namespace MediaGate.Gate.Retention;

/// <summary>What a parent's export holds: one file per journal rendition of their own children.</summary>
/// <param name="Files">The ZIP's entries in order: name inside the ZIP and the rendition's object key.</param>
public sealed record JournalExport(IReadOnlyList<JournalExportFile> Files);
