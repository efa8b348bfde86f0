using MediaGate.Ingest;
using MediaGate.Ingest.Video;

namespace MediaGate.Gate.Tablets;

/// <summary>
/// What the tablet checks before it queues a clip or a photo (<c>GET /api/tablet/limits</c>): the service's own
/// <c>Video:Limits</c> and <c>Ingest:Limits:MaxBytes</c>, so a file the service would refuse is refused on the tablet
/// when it is chosen, whatever the service is configured to. The service checks again when the file arrives.
/// </summary>
/// <param name="VideoMaxBytes">The largest clip, in bytes.</param>
/// <param name="VideoMaxSeconds">The longest clip, in seconds.</param>
/// <param name="PhotoMaxBytes">The largest photo, in bytes (<c>Ingest:Limits:MaxBytes</c>).</param>
public sealed record TabletLimits(long VideoMaxBytes, double VideoMaxSeconds, long PhotoMaxBytes)
{
    public static TabletLimits From(VideoLimits limits, IngestLimits photoLimits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(photoLimits);
        return new TabletLimits(limits.MaxBytes, limits.MaxDurationSeconds, photoLimits.MaxBytes);
    }
}
