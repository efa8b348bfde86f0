using System.Runtime.InteropServices;

namespace MediaGate.Ingest.Interop;

/// <summary>
/// Gives the native heap's free memory back to the system. glibc keeps one malloc arena per thread and does
/// not return what a codec freed inside an arena, so with photos decoded on two threads one after the other,
/// each thread kept its last photo's codec memory: two 49 MP TIFFs stripped in turn peaked at 580 MB (386 MB
/// with one arena). A batch calls <see cref="Trim"/> after a large photo, before the next one is decoded.
/// </summary>
public static partial class NativeHeap
{
    /// <summary>M_ARENA_MAX (malloc.h): the most arenas glibc may create.</summary>
    private const int ArenaMaxParameter = -8;

    /// <summary>M_MMAP_THRESHOLD (malloc.h): blocks this large or larger are mapped on their own and unmapped when freed.</summary>
    private const int MmapThresholdParameter = -3;

    /// <summary>Releases free memory at the top and in the middle of every arena (malloc_trim(0)).</summary>
    public static void Trim() => _ = MallocTrim(0);

    /// <summary>
    /// Caps the number of malloc arenas (mallopt(M_ARENA_MAX)); glibc's default is 8 per core. A long-running
    /// process whose many threads take turns decoding photos otherwise keeps a photo's freed codec memory in
    /// each of several arenas. Call once, early, before the threads that decode start. False when glibc refused.
    /// </summary>
    public static bool LimitArenas(int arenas)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(arenas);
        return MallOpt(ArenaMaxParameter, arenas) == 1;
    }

    /// <summary>
    /// Fixes the size from which a block gets its own mapping (mallopt(M_MMAP_THRESHOLD)), which glibc otherwise raises
    /// to the largest block freed so far (up to 32 MB), after which such blocks come from an arena and stay there when
    /// freed. False when glibc refused.
    /// </summary>
    public static bool FixMmapThreshold(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        return MallOpt(MmapThresholdParameter, bytes) == 1;
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
