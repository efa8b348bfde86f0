using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Renditions;
using MediaGate.Ingest;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Tablets;

/// <summary>
/// The picture a staff member names a video's face on (issue 14: "the tablet shows each track's clearest frame to name
/// it"; <c>GET /api/tablet/media/{mediaId}/faces/{faceId}/frame</c>): the frame the video pipeline kept for that track,
/// at the master's size and unmasked like the photo preview, for the staff whom <see cref="StaffReadRule"/> allows and
/// nobody else. The face's box (api.md: at the track's clearest frame) is in this frame's pixels. Audited as a view.
/// </summary>
public sealed class TabletTrackFrame(
    MediaGateDatabase database,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore masters,
    IOptions<IngestOptions> ingest,
    TimeProvider time)
{
    /// <summary>The frame's JPEG; null when there is no such item or face, it is not the caller's, or no frame was kept.</summary>
    public async Task<byte[]?> ReadAsync(string mediaId, string faceId, TabletCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var item = await database.Media.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        var observation = await database.Media.FindObservationAsync(item.ObservationId, cancellationToken).ConfigureAwait(false);
        if (observation is null || !StaffReadRule.Allows(observation, caller, time.GetUtcNow()))
        {
            return null;
        }

        var face = (await database.Media.FacesAsync(mediaId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(f => f.FaceId == faceId);
        var track = face is null
            ? null
            : (await database.Videos.TracksAsync(mediaId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.Number == face.Number);
        if (track?.FrameKey is null || !ObjectKey.TryParse(track.FrameKey, out var key))
        {
            return null;
        }

        var jpeg = await StoredObjects.ReadAllAsync(masters, key, ingest.Value.Limits.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (jpeg is not null)
        {
            await database.Audit.AppendAsync(new AuditEvent(caller.StaffId, "view-track-frame", mediaId, faceId), cancellationToken).ConfigureAwait(false);
        }

        return jpeg;
    }
}
