namespace MediaGate.Gate.Retention;

/// <summary>One rendition in a parent's export.</summary>
/// <param name="EntryName">Its name in the ZIP: the parent's own child's first name as a folder, the date and a short id; nobody else's name.</param>
/// <param name="MediaId">The item.</param>
/// <param name="RenditionKey">The rendition store's key of the JPEG made for this parent.</param>
public sealed record JournalExportFile(string EntryName, string MediaId, string RenditionKey);
