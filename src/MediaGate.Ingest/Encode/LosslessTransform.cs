using MediaGate.Ingest.Interop;

namespace MediaGate.Ingest.Encode;

/// <summary>Rotates or mirrors a JPEG in the DCT domain with tjTransform (jpegtran's engine), refusing imperfect results.</summary>
internal static class LosslessTransform
{
    /// <summary>TJXOP_* for EXIF orientations 1..8: none, hflip, rot180, vflip, transpose, rot90, transverse, rot270.</summary>
    private static ReadOnlySpan<int> Operations => [0, 1, 6, 2, 3, 5, 4, 7];

    public static unsafe Outcome<byte[]> Apply(ReadOnlySpan<byte> jpeg, int orientation)
    {
        var handle = TurboJpeg.InitTransform();
        if (handle == nint.Zero)
        {
            throw new InvalidOperationException("tjInitTransform returned null (out of memory).");
        }

        byte* output = null;
        try
        {
            var spec = new TurboJpeg.TransformSpec
            {
                Op = Operations[orientation - 1],
                Options = TurboJpeg.TransformOptionPerfect | TurboJpeg.TransformOptionCopyNone,
            };
            nuint size = 0;
            fixed (byte* data = jpeg)
            {
                if (TurboJpeg.Transform(handle, data, (nuint)jpeg.Length, 1, &output, &size, &spec, TurboJpeg.FlagLimitScans) != 0)
                {
                    return Outcome<byte[]>.Fail(
                        IngestFailureKind.EncodeFailed, "JPEG lossless transform not possible: " + TurboJpeg.LastError(handle));
                }
            }

            return new ReadOnlySpan<byte>(output, checked((int)size)).ToArray();
        }
        finally
        {
            TurboJpeg.Free(output);
            _ = TurboJpeg.Destroy(handle);
        }
    }
}
