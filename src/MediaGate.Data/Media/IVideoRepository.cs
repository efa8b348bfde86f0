namespace MediaGate.Data.Media;

/// <summary>Videos (issue 14): an item's kind, its face tracks, its video renditions and the parents' playback links.</summary>
public interface IVideoRepository
{
    /// <summary><see cref="MediaKinds.Photo"/> or <see cref="MediaKinds.Video"/>; null when there is no such item.</summary>
    Task<string?> KindOfAsync(string mediaId, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="mediaIds"/> are videos.</summary>
    Task<IReadOnlySet<string>> VideosAmongAsync(IReadOnlyCollection<string> mediaIds, CancellationToken cancellationToken = default);

    /// <summary>Stores the tracks the first time only (a second run of the same item keeps the first run's).</summary>
    Task SaveTracksAsync(string mediaId, IReadOnlyList<VideoTrackRecord> tracks, CancellationToken cancellationToken = default);

    /// <summary>The item's tracks in number order.</summary>
    Task<IReadOnlyList<VideoTrackRecord>> TracksAsync(string mediaId, CancellationToken cancellationToken = default);

    /// <summary>Records a rendition's MP4 and clears its write-ahead deletion entry, in one transaction.</summary>
    Task SaveRenditionAsync(VideoRenditionRecord rendition, CancellationToken cancellationToken = default);

    Task<VideoRenditionRecord?> FindRenditionAsync(string renditionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<VideoRenditionRecord>> RenditionsOfMediaAsync(string mediaId, CancellationToken cancellationToken = default);

    Task DeleteRenditionAsync(string renditionId, CancellationToken cancellationToken = default);

    /// <summary>Stores a playback link (and forgets links that expired before <paramref name="now"/>).</summary>
    Task AddLinkAsync(VideoLinkRecord link, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The link with this token hash when it has not expired at <paramref name="now"/>; else null.</summary>
    Task<VideoLinkRecord?> FindLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default);
}
