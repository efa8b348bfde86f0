using System.Buffers;

namespace MediaGate.Ingest.Detect;

/// <summary>
/// The float buffers that model inputs are written into (YuNet's windows, the verifier's mosaic, BlazeFace, the text
/// detector), shared by every detector of the process and bounded. Not <see cref="ArrayPool{T}.Shared"/>: that pool keeps
/// a returned buffer in the returning thread's own cache and up to 32 more per size per core, and frees them only a minute
/// after their last use, while the memory load stays low. Detection runs on whichever pool thread the worker's
/// continuation lands, so under 20 tablets' uploads of 12 MP photos (eng/load.sh) 11 to 26 YuNet input buffers of 8 MiB
/// each (up to 218 MB) were held in a node's managed heap (dotnet-gcdump), with two photos in detection at a time.
/// Here at most <see cref="KeptPerSize"/> buffers of each size stay between uses; a rent beyond them allocates, and the
/// collector takes that buffer back.
/// </summary>
internal static class TensorBuffers
{
    /// <summary>Buffers of one size kept between uses: a detection at a time per core on a 2-core node, and one more.</summary>
    internal const int KeptPerSize = 3;

    /// <summary>The longest buffer kept (floats): a 2048x2048 window of three planes fits.</summary>
    private const int LongestKept = 16 * 1024 * 1024;

    private static readonly ArrayPool<float> Pool = ArrayPool<float>.Create(LongestKept, KeptPerSize);

    /// <summary>A buffer of at least <paramref name="length"/> floats; give it back with <see cref="Return"/>.</summary>
    public static float[] Rent(int length) => Pool.Rent(length);

    public static void Return(float[] buffer) => Pool.Return(buffer);
}
