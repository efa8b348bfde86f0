namespace MediaGate.Data.Media;

/// <summary>Text found on items (issue 15) and the manager's un-masks, kept apart from decisions so re-decisions keep them.</summary>
public interface ITextRegionRepository
{
    /// <summary>The item's scan, or null when it was never searched for text.</summary>
    Task<TextScan?> ScanOfAsync(string mediaId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a scan and its regions in one transaction; false (and nothing written) when the item was scanned already
    /// (another node at the same moment): the first scan's regions, and the manager's answers on them, are kept.
    /// </summary>
    Task<bool> SaveScanAsync(TextScan scan, IReadOnlyList<TextRegionRecord> regions, CancellationToken cancellationToken = default);

    /// <summary>The item's regions, by number.</summary>
    Task<IReadOnlyList<TextRegionRecord>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default);

    /// <summary>Un-masks (by, at) or masks again (null, null) one region; false when there is no such region.</summary>
    Task<bool> SetUnmaskedAsync(string mediaId, int number, string? by, DateTimeOffset? at, CancellationToken cancellationToken = default);
}
