using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate.Renditions;
using MediaGate.Ingest.Video;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Video;

/// <summary>
/// The manager's unmasked master of a video (issue 14: the review plays it), with byte ranges; audited. A video's renditions
/// leave only through <see cref="RenditionDownload"/>, pictures and clips alike.
/// </summary>
public sealed class VideoPlayback(
    IMediaRepository mediaRecords,
    IAuditLog auditLog,
    IVideoRepository videoRecords,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore masters,
    IOptions<VideoLimits> limits)
{
    /// <summary>The unmasked master of a video (the manager's review); null when the item is not a processed video. Audited.</summary>
    public async Task<VideoStream?> MasterVideoAsync(string mediaId, string actor, CancellationToken cancellationToken)
    {
        var item = await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item?.MasterKey is null || item.Status == MediaStatus.Deleted
            || await videoRecords.KindOfAsync(mediaId, cancellationToken).ConfigureAwait(false) != MediaKinds.Video)
        {
            return null;
        }

        if (await StoredObjects.OpenSeekableAsync(masters, ObjectKey.Parse(item.MasterKey), limits.Value.MaxBytes, cancellationToken).ConfigureAwait(false) is not { } opened)
        {
            return null;
        }

        await auditLog.AppendAsync(new AuditEvent(actor, "view-master-video", mediaId, null), cancellationToken).ConfigureAwait(false);
        return new VideoStream(opened.Content, opened.Length);
    }
}
