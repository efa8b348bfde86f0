using MediaGate.Data;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Video;

/// <summary>
/// The picture a face is seen on, for the tablet's preview and the manager's face crop: a photo's master, or for a video the
/// track's clearest frame (a JPEG kept in the master store when the video was processed; its box is in that frame's pixels,
/// which are the master's). So the preview and the crop work for video faces unchanged.
/// </summary>
public static class FacePicture
{
    /// <summary>The master store's key of the picture face <paramref name="number"/> is on; null when there is none.</summary>
    public static async Task<string?> KeyAsync(MediaGateDatabase database, MediaItemRecord item, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(item);
        if (item.MasterKey is null || await database.Videos.KindOfAsync(item.Id, cancellationToken).ConfigureAwait(false) != MediaKinds.Video)
        {
            return item.MasterKey;
        }

        var tracks = await database.Videos.TracksAsync(item.Id, cancellationToken).ConfigureAwait(false);
        return tracks.FirstOrDefault(t => t.Number == number)?.FrameKey;
    }
}
