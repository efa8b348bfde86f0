using System.Runtime.InteropServices;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Lets libtiff read a pinned in-memory buffer through TIFFClientOpen's callbacks, so no temporary file is
/// written. The struct lives on the caller's stack; libtiff gets its address as the client handle.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TiffMemorySource
{
    private const int SeekSet = 0;
    private const int SeekCurrent = 1;
    private const int SeekEnd = 2;

    public byte* Data;
    public long Length;
    public long Position;

    [UnmanagedCallersOnly]
    public static nint Read(nint handle, byte* buffer, nint size)
    {
        var source = (TiffMemorySource*)handle;
        var available = Math.Max(0, source->Length - source->Position);
        var count = Math.Min(available, (long)size);
        if (count > 0)
        {
            Buffer.MemoryCopy(source->Data + source->Position, buffer, size, count);
            source->Position += count;
        }

        return (nint)count;
    }

    [UnmanagedCallersOnly]
    public static nint Write(nint handle, byte* buffer, nint size) => 0;

    [UnmanagedCallersOnly]
    public static ulong Seek(nint handle, ulong offset, int whence)
    {
        var source = (TiffMemorySource*)handle;
        var origin = whence switch
        {
            SeekSet => 0,
            SeekCurrent => source->Position,
            SeekEnd => source->Length,
            _ => -1,
        };
        var target = origin + (long)offset;
        if (origin < 0 || target < 0)
        {
            return ulong.MaxValue; // (toff_t)-1: libtiff's seek failure
        }

        source->Position = target;
        return (ulong)target;
    }

    [UnmanagedCallersOnly]
    public static int Close(nint handle) => 0;

    [UnmanagedCallersOnly]
    public static ulong Size(nint handle) => (ulong)((TiffMemorySource*)handle)->Length;

    /// <summary>Declines memory mapping; libtiff then reads through <see cref="Read"/>.</summary>
    [UnmanagedCallersOnly]
    public static int Map(nint handle, byte** baseAddress, ulong* size) => 0;

    [UnmanagedCallersOnly]
    public static void Unmap(nint handle, byte* baseAddress, ulong size)
    {
    }
}
