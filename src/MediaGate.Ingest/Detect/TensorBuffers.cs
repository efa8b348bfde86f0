namespace MediaGate.Ingest.Detect;

/// <summary>
/// The float buffers that model inputs are written into (YuNet's windows, the verifier's mosaic, BlazeFace, the text
/// detector), shared by every detector of the process: at most <see cref="Kept"/> buffers stay between uses, whatever
/// their sizes, the largest ones. Not <see cref="System.Buffers.ArrayPool{T}.Shared"/>: that pool keeps a returned buffer
/// in the returning thread's own cache, per power-of-two size, and more per core, and frees them only a minute after
/// their last use while the memory load stays low. Detection runs on whichever pool thread the worker's continuation
/// lands, so under 20 tablets' uploads of 12 MP photos (eng/load.sh) 11 to 26 YuNet input buffers of 8 MiB each were
/// held in a node's managed heap (dotnet-gcdump), with two photos in detection at a time. A buffer may be longer than
/// asked: callers use its first <c>length</c> floats and write all of them.
/// </summary>
internal static class TensorBuffers
{
    /// <summary>Buffers kept between uses: one per detection running at a time on a 2-core node.</summary>
    internal const int Kept = 2;

    private static readonly Lock Gate = new();
    private static readonly List<float[]> Free = new(Kept);

    /// <summary>The shortest kept buffer of at least <paramref name="length"/> floats, else a new one; give it back with <see cref="Return"/>.</summary>
    public static float[] Rent(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        lock (Gate)
        {
            int best = -1;
            for (int i = 0; i < Free.Count; i++)
            {
                if (Free[i].Length >= length && (best < 0 || Free[i].Length < Free[best].Length))
                {
                    best = i;
                }
            }

            if (best >= 0)
            {
                float[] buffer = Free[best];
                Free.RemoveAt(best);
                return buffer;
            }
        }

        return GC.AllocateUninitializedArray<float>(length);
    }

    /// <summary>Keeps <paramref name="buffer"/> when fewer than <see cref="Kept"/> are kept or it is longer than the shortest kept one.</summary>
    public static void Return(float[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        lock (Gate)
        {
            if (Free.Count < Kept)
            {
                Free.Add(buffer);
                return;
            }

            int shortest = 0;
            for (int i = 1; i < Free.Count; i++)
            {
                if (Free[i].Length < Free[shortest].Length)
                {
                    shortest = i;
                }
            }

            if (Free[shortest].Length < buffer.Length)
            {
                Free[shortest] = buffer;
            }
        }
    }
}
