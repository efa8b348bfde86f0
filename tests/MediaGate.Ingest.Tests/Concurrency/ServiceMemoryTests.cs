using System.Globalization;
using System.Runtime.InteropServices;
using MediaGate.Ingest.Concurrency;

namespace MediaGate.Ingest.Tests.Concurrency;

[TestClass]
public sealed class ServiceMemoryTests
{
    // Under glibc's 32 MB ceiling for its moving threshold, the size of a photo's large codec and model blocks.
    private const int BlockBytes = 16 * 1024 * 1024;

    [TestMethod]
    public unsafe void Configure_LargeBlockAfterAnotherWasFreed_GetsAMappingOfItsOwn()
    {
        ServiceMemory.Configure();

        // Without a fixed threshold, freeing this first block raises glibc's threshold above its size ...
        Free(Touched(BlockBytes));

        // ... so that this one would come from an arena, which keeps it after free. With the threshold fixed it is
        // mapped on its own (glibc puts the block 16 bytes after the start of its mapping), and free unmaps it.
        // Read before the free: no other thread can map anything over a block still in use.
        var block = Touched(BlockBytes);
        var address = (ulong)block;
        var mapping = File.ReadLines("/proc/self/maps").Select(Range).FirstOrDefault(r => address >= r.Start && address < r.End);
        Free(block);

        Assert.AreNotEqual(0UL, mapping.End, "the block lies in no mapping");
        Assert.AreEqual(address - 16, mapping.Start, $"a {BlockBytes}-byte block shares a mapping {mapping.Start:x}-{mapping.End:x} (an arena's)");
        Assert.IsLessThanOrEqualTo((ulong)BlockBytes + (2 * 4096), mapping.End - mapping.Start, "the mapping holds the block alone");
    }

    private static unsafe byte* Touched(int bytes)
    {
        var block = (byte*)NativeMemory.Alloc((nuint)bytes);
        new Span<byte>(block, bytes).Fill(1);
        return block;
    }

    private static unsafe void Free(byte* block) => NativeMemory.Free(block);

    private static (ulong Start, ulong End) Range(string mapsLine)
    {
        var range = mapsLine.AsSpan(0, mapsLine.IndexOf(' ', StringComparison.Ordinal));
        var dash = range.IndexOf('-');
        return (ulong.Parse(range[..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ulong.Parse(range[(dash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
