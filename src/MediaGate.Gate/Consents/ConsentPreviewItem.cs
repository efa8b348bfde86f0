namespace MediaGate.Gate.Consents;

/// <summary>One media item a consent change would affect.</summary>
/// <param name="MediaId">The item.</param>
/// <param name="PurposesChanging">The purposes whose decisions would change (journal, website, publicity, events).</param>
/// <param name="TakenAt">When the photo was taken (the observation's capture time), or null when it cannot be read.</param>
/// <param name="Changes">Per purpose and audience: <c>withdraw</c> (a released rendition comes down), <c>remake</c> (re-masked)
/// or <c>reconsider</c> (a held or blocked decision comes out differently).</param>
/// <param name="Kind"><c>photo</c> or <c>video</c>, read from the item (not from its stored decisions, which before kinds were
/// kept read as photos), so the page counts videos as videos.</param>
public sealed record ConsentPreviewItem(
    string MediaId, IReadOnlyList<string> PurposesChanging, DateTimeOffset? TakenAt, IReadOnlyList<ConsentPreviewChange> Changes, string Kind = "photo");
