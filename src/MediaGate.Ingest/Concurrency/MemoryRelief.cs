using MediaGate.Ingest.Interop;

namespace MediaGate.Ingest.Concurrency;

/// <summary>
/// Gives a finished photo's memory back before the next one is decoded. Freed memory is not returned by itself:
/// the runtime grows the large-object heap before it collects it, and glibc keeps what a codec freed in the arena
/// of the thread that decoded it. With a pixel budget alone, two 49 MP TIFFs stripped one after the other on two
/// threads peaked at 580 MB, and the service under 20 tablets' uploads at 1.26 GB. When the managed heap or the
/// working set is large after a photo, the garbage is collected and the native heap trimmed. The CLI's batches and
/// the service's worker call this after each photo.
/// </summary>
public static class MemoryRelief
{
    /// <summary>Managed bytes (live or garbage) above which memory is given back (a 12 MP photo's RGB is 36 MB).</summary>
    private const long ReleaseManagedAbove = 192L * 1024 * 1024;

    /// <summary>
    /// Working set above which memory is given back: within reach of the 400 MB bound. Not lower: with a model
    /// loaded the working set is 150-270 MB all along, and a compacting collection plus a heap trim after every
    /// photo cost more CPU than the photos' own decoding.
    /// </summary>
    private const long ReleaseWorkingSetAbove = 300L * 1024 * 1024;

    private static readonly Lock Gate = new();

    /// <summary>Collects and trims when memory is past either bound; one caller at a time (the others go on).</summary>
    public static void ReleaseIfLarge()
    {
        if (GC.GetTotalMemory(forceFullCollection: false) <= ReleaseManagedAbove && Environment.WorkingSet <= ReleaseWorkingSetAbove)
        {
            return;
        }

        if (!Gate.TryEnter())
        {
            return;
        }

        try
        {
            Collect();
        }
        finally
        {
            Gate.Exit();
        }
    }

    /// <summary>
    /// Collects and trims whatever the memory is, one caller at a time (waiting for one already at it): before work that
    /// brings its own processes' memory (a clip's ffmpeg runs), so that theirs is not added to what a burst of photos left.
    /// </summary>
    public static void Release()
    {
        lock (Gate)
        {
            Collect();
        }
    }

    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
    }
}
