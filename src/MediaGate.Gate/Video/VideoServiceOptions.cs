using System.ComponentModel.DataAnnotations;

namespace MediaGate.Gate.Video;

/// <summary>
/// How the service runs videos (configuration section <c>Video</c>; the gate's own settings are <c>Video:Options</c> and
/// <c>Video:Limits</c>, as for the command line).
/// </summary>
public sealed class VideoServiceOptions
{
    public const string Section = "Video";

    /// <summary>Videos this node processes at once, in their own lane beside the photo workers. Default 1; 0 = none here.</summary>
    [Range(0, 8)]
    public int Workers { get; set; } = 1;

    /// <summary>Whether journal renditions keep the clip's sound. Default true (issue 14: the journal keeps it).</summary>
    public bool JournalSound { get; set; } = true;

    /// <summary>Whether event renditions keep the clip's sound. Default true. The website and publicity never do.</summary>
    public bool EventsSound { get; set; } = true;

    /// <summary>
    /// Where a clip being processed or rendered is decrypted to (ffmpeg works on files): one private folder (0700) per job, deleted
    /// when it ends, leftovers of a killed process deleted at the next start. The embedded deployment sets it to
    /// <c>video-work</c> in the data folder; unset, a folder of this user's in the system's temp folder.
    /// </summary>
    public string? WorkFolder { get; set; }

    /// <summary><see cref="WorkFolder"/>, or its default when unset.</summary>
    public string WorkRoot => string.IsNullOrWhiteSpace(WorkFolder)
        ? Path.Combine(Path.GetTempPath(), "mediagate-video-" + Environment.UserName)
        : Path.GetFullPath(WorkFolder);

    /// <summary>
    /// How long the video lane waits, at most, for a quiet moment in the photos before it starts a clip or a render, in
    /// seconds: while this node processes a photo, or finished one less than a second ago, the lane claims nothing, so a
    /// burst of photos keeps both cores and the memory a clip's ffmpeg runs would take; after this long it starts anyway,
    /// so a steady stream of photos never starves a clip. Default 30; 0 = never wait.
    /// </summary>
    [Range(0, 600)]
    public int YieldToPhotosSeconds { get; set; } = 30;

    /// <summary>How long a parent's playback link plays, in seconds. Default 300.</summary>
    [Range(10, 3600)]
    public int LinkSeconds { get; set; } = 300;
}
