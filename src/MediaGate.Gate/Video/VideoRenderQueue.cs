namespace MediaGate.Gate.Video;

/// <summary>
/// Renditions outside the request (issue 14): when a consent change, a review or a face's name re-decides a video, the request
/// withdraws what no longer matches and queues the slow render as <c>video</c> work (a durable row the video lane claims, with
/// its renewed lease and retries, <see cref="VideoWorker"/>), and answers at once. Processing a clip in the lane renders inline
/// (<see cref="RenderInline"/>): it is already outside any request, and its item is released only once its renditions exist.
/// </summary>
public static class VideoRenderQueue
{
    /// <summary>The start of a render's work id: <c>render/&lt;mediaId&gt;/&lt;unique&gt;</c> (a media item's own work id is its id).</summary>
    public const string Prefix = "render/";

    private static readonly AsyncLocal<bool> Inline = new();

    /// <summary>Whether re-renders in this flow run at once (inside the video lane) instead of being queued.</summary>
    public static bool RendersInline => Inline.Value;

    /// <summary>A new work id for one re-render of <paramref name="mediaId"/>: every re-decision queues its own, and a render that
    /// finds its renditions already current changes nothing.</summary>
    public static string WorkId(string mediaId)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        return Prefix + mediaId + "/" + Guid.NewGuid().ToString("N");
    }

    /// <summary>The media id a render's work id names, or null when <paramref name="workId"/> is not a render's.</summary>
    public static string? MediaIdOf(string workId)
    {
        ArgumentNullException.ThrowIfNull(workId);
        if (!workId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        int end = workId.IndexOf('/', Prefix.Length);
        return end > Prefix.Length ? workId[Prefix.Length..end] : null;
    }

    /// <summary>Until disposed, re-decisions in this flow render at once (the video lane's own processing).</summary>
    internal static IDisposable RenderInline()
    {
        bool before = Inline.Value;
        Inline.Value = true;
        return new Restore(before);
    }

    private sealed class Restore(bool before) : IDisposable
    {
        public void Dispose() => Inline.Value = before;
    }
}
