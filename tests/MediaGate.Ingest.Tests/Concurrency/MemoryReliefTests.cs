using System.Runtime.CompilerServices;
using MediaGate.Ingest.Concurrency;

namespace MediaGate.Ingest.Tests.Concurrency;

/// <summary>
/// <see cref="MemoryRelief.Release"/> gives back what is left whatever its size: the video lane calls it before a clip's
/// ffmpeg runs, when the photos before it left less than <see cref="MemoryRelief.ReleaseIfLarge"/>'s bounds.
/// </summary>
[TestClass]
public sealed class MemoryReliefTests
{
    private const int Megabytes = 48;

    [TestMethod]
    [DoNotParallelize] // It measures the managed heap: no other test may allocate meanwhile.
    public void Release_BelowTheBoundsOfReleaseIfLarge_StillCollectsTheGarbage()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        LeaveGarbage();
        long before = GC.GetTotalMemory(forceFullCollection: false);

        MemoryRelief.Release();

        long after = GC.GetTotalMemory(forceFullCollection: false);
        Assert.IsGreaterThan((Megabytes - 8) * 1024L * 1024, before - after, $"{before / (1024 * 1024)} MiB before, {after / (1024 * 1024)} MiB after");
    }

    // Large-object-heap arrays of a decoded photo's sizes, unreachable once this returns.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveGarbage()
    {
        var garbage = new List<byte[]>();
        for (int i = 0; i < Megabytes; i++)
        {
            var block = new byte[1024 * 1024];
            block[i] = 1;
            garbage.Add(block);
        }

        GC.KeepAlive(garbage);
    }
}
