using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Renditions;
using MediaGate.Ingest;
using MediaGate.Ingest.Concurrency;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Render;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Video;

/// <summary>
/// The frame a staff member names a video's face on (issue 14: "the tablet shows each track's clearest frame to name it";
/// <c>GET /api/tablet/media/{mediaId}/faces/{faceId}/frame</c>): that track's clearest frame, unmasked and at most 1024 px as
/// the tablet's preview is, for the staff whom <see cref="StaffReadRule"/> allows and nobody else; the face's box is in its
/// pixels. Audited as a view. For a photo's face it is the photo's preview.
/// </summary>
public sealed class TrackFramePreview(
    IAuditLog audit,
    IMediaRepository media,
    IReviewListRepository reviewLists,
    IVideoRepository videos,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore masters,
    IOptions<IngestOptions> ingest,
    PixelBudget pixels,
    TimeProvider time)
{
    /// <summary>The JPEG; null when the item or face is unknown, not the caller's, or has no frame.</summary>
    public async Task<byte[]?> RenderAsync(string mediaId, string faceId, TabletCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var face = await reviewLists.FindFaceAsync(mediaId, faceId, cancellationToken).ConfigureAwait(false);
        var item = face is null ? null : await media.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (face is null || item?.Width is not { } width || item.Height is not { } height)
        {
            return null;
        }

        var observation = await media.FindObservationAsync(item.ObservationId, cancellationToken).ConfigureAwait(false);
        var picture = await FacePicture.KeyAsync(videos, item, face.Number, cancellationToken).ConfigureAwait(false);
        if (observation is null || !StaffReadRule.Allows(observation, caller, time.GetUtcNow()) || picture is null)
        {
            return null;
        }

        byte[] jpeg;
        using (await pixels.AcquireAsync((long)width * height, cancellationToken).ConfigureAwait(false))
        {
            var bytes = await StoredObjects.ReadAllAsync(masters, ObjectKey.Parse(picture), ingest.Value.Limits.MaxBytes, cancellationToken).ConfigureAwait(false);
            var frame = bytes is null ? null : PhotoReader.ReadUpright(bytes, ingest.Value.Limits) is { IsSuccess: true } read ? read.Value.Image : null;
            if (frame is null)
            {
                return null;
            }

            var rendered = RenditionRenderer.Render(frame, [], new RenditionOptions { MaxLongSide = 1024, JpegQuality = 85 }, ingest.Value.Mask);
            if (!rendered.IsSuccess)
            {
                return null;
            }

            jpeg = rendered.Value.Jpeg;
        }

        await audit.AppendAsync(new AuditEvent(caller.StaffId, "view-preview", mediaId, JsonSerializer.Serialize(new { faceId })), cancellationToken).ConfigureAwait(false);
        return jpeg;
    }
}
