using System.Runtime.InteropServices;
using MediaGate.Ingest.Concurrency;

namespace MediaGate.Ingest.Tests.Concurrency;

[TestClass]
public sealed class ServiceMemoryTests
{
    // Under glibc's 32 MB ceiling for its moving threshold, as large as a photo's largest codec and model blocks.
    private const int BlockBytes = 30 * 1024 * 1024;

    // glibc's chunk header (the size word just before the block) marks a block mapped on its own (IS_MMAPPED, malloc.c).
    private const ulong IsMapped = 0x2;

    [TestMethod]
    public unsafe void Configure_LargeBlockAfterAMappedOneWasFreed_IsMappedOnItsOwnAgain()
    {
        ServiceMemory.Configure();

        // A block comes from free room in an arena while there is some (other tests of this process leave some):
        // take it up, kept until the end, until a block is mapped on its own, which needs a threshold under its size.
        var kept = new List<nint>();
        try
        {
            byte* mapped = null;
            for (int i = 0; i < 16 && mapped is null; i++)
            {
                var block = (byte*)NativeMemory.Alloc(BlockBytes);
                if (IsMappedOnItsOwn(block))
                {
                    mapped = block;
                }
                else
                {
                    kept.Add((nint)block);
                }
            }

            Assert.IsTrue(mapped is not null, "none of 16 blocks of 30 MiB was mapped on its own: the threshold is above them");

            // Freeing a mapped block makes glibc's own threshold rise above its size, and the next block of that size
            // would come from an arena, which keeps it after free. With the threshold fixed, it is mapped on its own again.
            NativeMemory.Free(mapped);
            var next = (byte*)NativeMemory.Alloc(BlockBytes);
            bool again = IsMappedOnItsOwn(next);
            NativeMemory.Free(next);

            Assert.IsTrue(again, "a block of 30 MiB allocated after one was freed came from an arena");
        }
        finally
        {
            foreach (var block in kept)
            {
                NativeMemory.Free((void*)block);
            }
        }
    }

    private static unsafe bool IsMappedOnItsOwn(byte* block) => (*(ulong*)(block - sizeof(ulong)) & IsMapped) != 0;
}
