using MediaGate.Ingest.Video;

namespace MediaGate.Gate.Tablets;

/// <summary>
/// What the tablet checks before it queues a clip (<c>GET /api/tablet/limits</c>): the service's own
/// <c>Video:Limits</c>, so a clip the service would refuse is refused on the tablet before a long upload, whatever the
/// service is configured to. The service checks again when the clip arrives.
/// </summary>
/// <param name="VideoMaxBytes">The largest clip, in bytes.</param>
/// <param name="VideoMaxSeconds">The longest clip, in seconds.</param>
public sealed record TabletLimits(long VideoMaxBytes, double VideoMaxSeconds)
{
    public static TabletLimits From(VideoLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new TabletLimits(limits.MaxBytes, limits.MaxDurationSeconds);
    }
}
