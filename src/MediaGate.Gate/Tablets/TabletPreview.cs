using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Renditions;
using MediaGate.Ingest;
using MediaGate.Ingest.Concurrency;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Render;
using MediaGate.Ingest.Sniff;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Tablets;

/// <summary>
/// The picture a staff member taps faces on (README, <c>GET /api/tablet/media/{mediaId}/preview</c>): the
/// metadata-free master reduced to at most <see cref="MaxLongSide"/> px, unmasked, for the staff whom
/// <see cref="StaffReadRule"/> allows (the photo was taken on their tablet or by them, recently) and nobody else.
/// Face boxes stay in master pixels; the page scales them. Every preview shown is audited as a view.
/// </summary>
public sealed class TabletPreview(
    IAuditLog audit, IMediaRepository mediaRepository, IVideoRepository videos,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore masters,
    IOptions<IngestOptions> ingest,
    PixelBudget pixels,
    TimeProvider time)
{
    /// <summary>Long side of a preview: enough to tap a face on a tablet, far from the master's detail.</summary>
    public const int MaxLongSide = 1024;

    /// <summary>The preview JPEG; null when there is no such item, it is not the caller's, or it has no readable master yet.</summary>
    public async Task<byte[]?> RenderAsync(string mediaId, TabletCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var item = await mediaRepository.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item?.MasterKey is null || item.Width is null || item.Height is null)
        {
            return null;
        }

        var observation = await mediaRepository.FindObservationAsync(item.ObservationId, cancellationToken).ConfigureAwait(false);
        if (observation is null || !StaffReadRule.Allows(observation, caller, time.GetUtcNow()))
        {
            return null;
        }

        var options = ingest.Value;

        // A video's preview is its first track's clearest frame (Video.FacePicture); a photo's, its master.
        var picture = await Video.FacePicture.KeyAsync(videos, item, 1, cancellationToken).ConfigureAwait(false);
        var bytes = picture is null ? null : await StoredObjects.ReadAllAsync(masters, ObjectKey.Parse(picture), options.Limits.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null || InputGuard.Inspect(bytes, options.Limits) is not { IsSuccess: true } header)
        {
            return null;
        }

        RenderedPhoto preview;
        using (await pixels.AcquireAsync(PhotoReader.PixelsWithin(header.Value, MaxLongSide), cancellationToken).ConfigureAwait(false))
        {
            // Decoded for the preview's size: a 12 MP master in the DCT at 3/8, not whole.
            var master = PhotoReader.ReadUpright(bytes, options.Limits, MaxLongSide);
            if (!master.IsSuccess)
            {
                return null;
            }

            var rendered = RenditionRenderer.Render(master.Value, [], new RenditionOptions { MaxLongSide = MaxLongSide, JpegQuality = 85 }, options.Mask);
            if (!rendered.IsSuccess)
            {
                return null;
            }

            preview = rendered.Value;
        }

        await audit.AppendAsync(new AuditEvent(caller.StaffId, "view-preview", mediaId, null), cancellationToken).ConfigureAwait(false);
        return preview.Jpeg;
    }
}
