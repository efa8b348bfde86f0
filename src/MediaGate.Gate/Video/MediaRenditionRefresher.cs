using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Gate.Renditions;

namespace MediaGate.Gate.Video;

/// <summary>
/// The one <see cref="IRenditionRefresher"/> every re-decision calls (processing, face naming, review, consent changes): a
/// video's renditions are made by <see cref="VideoRenditions"/>, a photo's by <see cref="RenditionService"/>, so every path that
/// re-decides an item re-makes its renditions whatever its kind. A video's are re-made outside the request
/// (<see cref="VideoRenderQueue"/>): the render is queued, then what no longer matches is withdrawn, and only then does the caller answer.
/// </summary>
public sealed class MediaRenditionRefresher(IVideoRepository videoRecords, IWorkQueue workQueue, RenditionService photos, VideoRenditions videos) : IRenditionRefresher
{
    public async Task RefreshAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        if (await videoRecords.KindOfAsync(mediaId, cancellationToken).ConfigureAwait(false) == MediaKinds.Video)
        {
            if (VideoRenderQueue.RendersInline)
            {
                await videos.RefreshAsync(mediaId, cancellationToken).ConfigureAwait(false);
                return;
            }

            // Queued first, so a crash after it still re-makes the renditions; withdrawn before the answer, so an audience that
            // lost consent is never served the old copy while the new one is made.
            await workQueue.EnqueueAsync(VideoRenderQueue.WorkId(mediaId), MediaKinds.VideoWork, cancellationToken).ConfigureAwait(false);
            await videos.WithdrawStaleAsync(mediaId, cancellationToken).ConfigureAwait(false);
            return;
        }

        await photos.RefreshAsync(mediaId, cancellationToken).ConfigureAwait(false);
    }
}
