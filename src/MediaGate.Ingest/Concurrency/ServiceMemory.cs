using MediaGate.Ingest.Interop;

namespace MediaGate.Ingest.Concurrency;

/// <summary>
/// How a long-running service process uses the native heap; set once at start, before the threads that decode
/// photos and run the models start. An operator's MALLOC_ARENA_MAX or MALLOC_MMAP_THRESHOLD_ wins.
/// </summary>
public static class ServiceMemory
{
    /// <summary>
    /// Two malloc arenas for the whole service. glibc's default (8 per core) let every thread that decoded a photo
    /// keep that photo's freed codec memory in its own arena: eng/load.sh peaked at 653 MiB with the default and
    /// 584 MiB with two (2026-11-30).
    /// </summary>
    public const int MallocArenas = 2;

    /// <summary>
    /// Native blocks of 1 MiB and more get their own mapping and go back to the system when freed. glibc's moving
    /// threshold put the large blocks of a photo's lossless strip and of the models (up to 32 MB each) inside the
    /// arenas once one such block had been freed, and an arena keeps what it holds: eng/load.sh peaked at 683 and
    /// 721 MiB with it and at 517 and 533 MiB with 1 MiB fixed, at the same CPU (README "Issues 12 and 14 on 2026-12-07,
    /// fourth stop").
    /// </summary>
    public const int MmapThresholdBytes = 1024 * 1024;

    /// <summary>Applies <see cref="MallocArenas"/> and <see cref="MmapThresholdBytes"/> unless the environment sets them.</summary>
    public static void Configure()
    {
        if (Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null)
        {
            _ = NativeHeap.LimitArenas(MallocArenas);
        }

        if (Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is null)
        {
            _ = NativeHeap.FixMmapThreshold(MmapThresholdBytes);
        }
    }
}
