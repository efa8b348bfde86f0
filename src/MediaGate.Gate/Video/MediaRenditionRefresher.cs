using MediaGate.Data.Media;
using MediaGate.Gate.Renditions;

namespace MediaGate.Gate.Video;

/// <summary>
/// The one <see cref="IRenditionRefresher"/> every re-decision calls (processing, face naming, review, consent changes): a
/// video's renditions are made by <see cref="VideoRenditions"/>, a photo's by <see cref="RenditionService"/>, so every path that
/// re-decides an item re-makes its renditions whatever its kind.
/// </summary>
public sealed class MediaRenditionRefresher(IVideoRepository videoRecords, RenditionService photos, VideoRenditions videos) : IRenditionRefresher
{
    public async Task RefreshAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        if (await videoRecords.KindOfAsync(mediaId, cancellationToken).ConfigureAwait(false) == MediaKinds.Video)
        {
            await videos.RefreshAsync(mediaId, cancellationToken).ConfigureAwait(false);
            return;
        }

        await photos.RefreshAsync(mediaId, cancellationToken).ConfigureAwait(false);
    }
}
