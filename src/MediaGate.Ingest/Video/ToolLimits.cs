namespace MediaGate.Ingest.Video;

/// <summary>The bounds every ffmpeg/ffprobe run gets (issue 14, Tools): over either, it is killed with its process tree.</summary>
/// <param name="WallClock">How long one run may take.</param>
/// <param name="AddressSpaceBytes">Its virtual memory limit (prlimit --as): decoders that would allocate more fail instead.</param>
public sealed record ToolLimits(TimeSpan WallClock, long AddressSpaceBytes)
{
    /// <summary>10 minutes and 3 GB of address space (x264 reserves far more virtual than resident memory).</summary>
    public static ToolLimits Default { get; } = new(TimeSpan.FromMinutes(10), 3L << 30);
}
